package com.douyin.user.dao;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface UserMapper {

    String COLUMNS = "id, username, password_hash, avatar, background_image, signature,"
            + " follow_count, follower_count, total_favorited, work_count, favorite_count";

    @Insert("INSERT INTO user (id, username, password_hash) VALUES (#{id}, #{username}, #{passwordHash})")
    void insert(@Param("id") long id, @Param("username") String username, @Param("passwordHash") String passwordHash);

    @Select("SELECT " + COLUMNS + " FROM user WHERE id = #{id}")
    UserRow findById(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM user WHERE username = #{username}")
    UserRow findByUsername(@Param("username") String username);

    @Update("UPDATE user SET password_hash = #{hash} WHERE id = #{id}")
    int updatePasswordHash(@Param("id") long id, @Param("hash") String hash);

    /** Sets the non-null ones; answers 0 if there is no such user. */
    @Update("<script>UPDATE user <set>"
            + "<if test='name != null'>username = #{name},</if>"
            + "<if test='signature != null'>signature = #{signature},</if>"
            + "<if test='avatar != null'>avatar = #{avatar},</if>"
            + "<if test='backgroundImage != null'>background_image = #{backgroundImage},</if>"
            + "</set> WHERE id = #{id}</script>")
    int updateProfile(@Param("id") long id, @Param("name") String name, @Param("signature") String signature,
                      @Param("avatar") String avatar, @Param("backgroundImage") String backgroundImage);

    /** {@code pattern}: a LIKE prefix pattern, wildcards of the keyword escaped with '!'; a range of uk_user_username. */
    @Select("SELECT id FROM user WHERE username LIKE #{pattern} ESCAPE '!' ORDER BY username LIMIT #{offset}, #{count}")
    List<Long> findIdsByNameLike(@Param("pattern") String pattern, @Param("offset") int offset, @Param("count") int count);

    @Select("<script>SELECT " + COLUMNS + " FROM user WHERE id IN "
            + "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<UserRow> findByIds(@Param("ids") Collection<Long> ids);

    @Update("UPDATE user SET work_count = work_count + 1 WHERE id = #{id}")
    int incrementWorkCount(@Param("id") long id);

    @Select("SELECT work_count FROM user WHERE id = #{id}")
    Long findWorkCount(@Param("id") long id);

    /**
     * Adds each row's delta to the counter column {@code counter} (a column name from code, never
     * from input), all rows of a batch in one statement; empty {@code deltas} is not allowed.
     */
    @Update("<script>UPDATE user SET ${counter} = ${counter} + CASE id"
            + "<foreach collection='deltas' index='id' item='delta'> WHEN #{id} THEN #{delta}</foreach> END"
            + " WHERE id IN <foreach collection='deltas' index='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    void addToCounter(@Param("counter") String counter, @Param("deltas") Map<Long, Long> deltas);

    /**
     * Two counters of a batch (a like moves the liker's and the author's) in one statement: each
     * row of {@code ids} gets its delta of each, 0 where it has none; neither map may be empty.
     */
    @Update("<script>UPDATE user SET ${first} = ${first} + CASE id"
            + "<foreach collection='firstDeltas' index='id' item='delta'> WHEN #{id} THEN #{delta}</foreach> ELSE 0 END,"
            + " ${second} = ${second} + CASE id"
            + "<foreach collection='secondDeltas' index='id' item='delta'> WHEN #{id} THEN #{delta}</foreach> ELSE 0 END"
            + " WHERE id IN <foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    void addToCounters(@Param("first") String first, @Param("firstDeltas") Map<Long, Long> firstDeltas,
                       @Param("second") String second, @Param("secondDeltas") Map<Long, Long> secondDeltas,
                       @Param("ids") Collection<Long> ids);

    /** Keyset paging over all IDs, for rebuilding the bloom filter. */
    @Select("SELECT id FROM user WHERE id > #{afterId} ORDER BY id LIMIT #{limit}")
    List<Long> findIdsAfter(@Param("afterId") long afterId, @Param("limit") int limit);
}
