package com.douyin.video.dao;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code pending_upload}: video files stored and not published yet (see sql/004); {@code swept} is one of the states below. */
@Mapper
public interface PendingUploadMapper {

    /** Records a key; one already recorded keeps its row (a retried call). */
    @Insert("INSERT IGNORE INTO pending_upload (object_key, owner_id, expires_at) VALUES (#{key}, #{ownerId}, #{expiresAt})")
    void insert(@Param("key") String key, @Param("ownerId") long ownerId, @Param("expiresAt") long expiresAt);

    int PENDING = 0;
    int DELETING = 1;
    int DELETED = 2;

    /** The key's {@code swept} state, its row locked until the transaction ends; null if it has no row. */
    @Select("SELECT swept FROM pending_upload WHERE object_key = #{key} FOR UPDATE")
    Integer lockSwept(@Param("key") String key);

    @Update("UPDATE pending_upload SET swept = #{swept} WHERE object_key = #{key}")
    void setSwept(@Param("key") String key, @Param("swept") int swept);

    @Delete("DELETE FROM pending_upload WHERE object_key = #{key}")
    void delete(@Param("key") String key);

    /** Keys whose uploads ended before {@code cutoff} and whose files are not deleted yet, oldest first. */
    @Select("SELECT object_key FROM pending_upload WHERE swept < 2 AND expires_at < #{cutoff} ORDER BY expires_at LIMIT #{limit}")
    List<String> findDueBefore(@Param("cutoff") long cutoff, @Param("limit") int limit);

    /** Forgets deleted keys whose uploads ended before {@code cutoff}. */
    @Delete("DELETE FROM pending_upload WHERE swept = 2 AND expires_at < #{cutoff} LIMIT #{limit}")
    int deleteTombstonesBefore(@Param("cutoff") long cutoff, @Param("limit") int limit);
}
