package com.douyin.video.dao;

import com.douyin.video.service.PendingVideo;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface VideoMapper {

    String COLUMNS = "id, author_id, title, topic, play_key, cover_key, watermark_key, favorite_count, comment_count, published_at";

    @Insert("INSERT INTO video (id, author_id, title, title_terms, topic, play_key, published_at)"
            + " VALUES (#{id}, #{authorId}, #{title}, #{titleTerms}, #{topic}, #{playKey}, #{publishedAt})")
    void insert(PendingVideo video);

    /**
     * Adds each row's delta to the counter column {@code counter} (a column name from code, never
     * from input), all rows of a batch in one statement; empty {@code deltas} is not allowed.
     */
    @Update("<script>UPDATE video SET ${counter} = ${counter} + CASE id"
            + "<foreach collection='deltas' index='id' item='delta'> WHEN #{id} THEN #{delta}</foreach> END"
            + " WHERE id IN <foreach collection='deltas' index='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    void addToCounter(@Param("counter") String counter, @Param("deltas") Map<Long, Long> deltas);

    @Update("UPDATE video SET cover_key = #{coverKey} WHERE id = #{id}")
    void updateCover(@Param("id") long id, @Param("coverKey") String coverKey);

    /** The assistant's description of a video: its keywords, what search finds it by, and its title (masked when abusive). */
    @Update("UPDATE video SET keywords = #{keywords}, title_terms = #{titleTerms}, title = #{title} WHERE id = #{id}")
    int updateDescription(@Param("id") long id, @Param("keywords") String keywords, @Param("titleTerms") String titleTerms,
                          @Param("title") String title);

    @Update("UPDATE video SET watermark_key = #{watermarkKey} WHERE id = #{id}")
    void updateWatermark(@Param("id") long id, @Param("watermarkKey") String watermarkKey);

    /**
     * Newest first, after the position (beforeMs, beforeId): published before beforeMs, or then
     * with a smaller ID (beforeId 0: strictly before beforeMs). Written as a range of
     * idx_video_feed, answered from it alone: MariaDB scans the whole index for the row comparison
     * {@code (published_at, id) < (?, ?)}.
     */
    @Select("SELECT id, published_at FROM video WHERE published_at <= #{beforeMs} AND (published_at < #{beforeMs} OR id < #{beforeId})"
            + " ORDER BY published_at DESC, id DESC LIMIT #{limit}")
    List<VideoKey> findKeysAfter(@Param("beforeMs") long beforeMs, @Param("beforeId") long beforeId, @Param("limit") int limit);

    /** One topic's videos as {@link #findKeysAfter}; answered from idx_video_topic alone (it ends in the primary key). */
    @Select("SELECT id, published_at FROM video WHERE topic = #{topic} AND published_at <= #{beforeMs}"
            + " AND (published_at < #{beforeMs} OR id < #{beforeId}) ORDER BY published_at DESC, id DESC LIMIT #{limit}")
    List<VideoKey> findKeysOfTopicAfter(@Param("topic") String topic, @Param("beforeMs") long beforeMs, @Param("beforeId") long beforeId,
                                        @Param("limit") int limit);

    /** One author's videos, newest first; answered from idx_video_author alone. */
    @Select("SELECT id, published_at FROM video WHERE author_id = #{authorId} ORDER BY published_at DESC, id DESC")
    List<VideoKey> findKeysByAuthor(@Param("authorId") long authorId);

    /**
     * The newest videos of these authors after the position (as {@link #findKeysAfter}): each
     * author's newest {@code limit} (one backward range of idx_video_author each, never more of it),
     * then the newest {@code limit} of them all. Keep the author list short (a few hundred).
     */
    @Select("<script>SELECT id, author_id, published_at FROM ("
            + "<foreach collection='authorIds' item='a' separator=' UNION ALL '>"
            + "(SELECT id, author_id, published_at FROM video WHERE author_id = #{a} AND published_at &lt;= #{beforeMs}"
            + " AND (published_at &lt; #{beforeMs} OR id &lt; #{beforeId}) ORDER BY published_at DESC, id DESC LIMIT #{limit})"
            + "</foreach>) newest ORDER BY published_at DESC, id DESC LIMIT #{limit}</script>")
    List<AuthoredVideoKey> findNewestOfAuthors(@Param("authorIds") Collection<Long> authorIds, @Param("beforeMs") long beforeMs,
                                               @Param("beforeId") long beforeId, @Param("limit") int limit);

    /** Best matches first, then newest; {@code terms} is a boolean-mode expression from SearchTerms. */
    @Select("SELECT id, published_at FROM video WHERE MATCH(title_terms) AGAINST(#{terms} IN BOOLEAN MODE)"
            + " ORDER BY MATCH(title_terms) AGAINST(#{terms} IN BOOLEAN MODE) DESC, published_at DESC, id DESC"
            + " LIMIT #{limit}")
    List<VideoKey> findKeysMatching(@Param("terms") String terms, @Param("limit") int limit);

    @Select("SELECT " + COLUMNS + " FROM video WHERE play_key = #{playKey}")
    VideoRow findByPlayKey(@Param("playKey") String playKey);

    /** Keyset paging over all IDs, for rebuilding the bloom filter. */
    @Select("SELECT id FROM video WHERE id > #{afterId} ORDER BY id LIMIT #{limit}")
    List<Long> findIdsAfter(@Param("afterId") long afterId, @Param("limit") int limit);

    @Select("<script>SELECT " + COLUMNS + " FROM video WHERE id IN "
            + "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<VideoRow> findByIds(@Param("ids") Collection<Long> ids);
}
