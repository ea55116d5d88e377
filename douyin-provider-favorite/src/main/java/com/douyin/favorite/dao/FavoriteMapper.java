package com.douyin.favorite.dao;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface FavoriteMapper {

    /**
     * Stores the latest state of each (user, video) pair of a batch in one statement. A change
     * older than the stored one (a redelivery, or a batch that overtook it) leaves the row alone.
     */
    @Insert("<script>INSERT INTO favorite (user_id, video_id, liked, liked_at, change_seq) VALUES "
            + "<foreach collection='rows' item='r' separator=','>(#{r.userId}, #{r.videoId}, #{r.liked}, #{r.likedAt}, #{r.changeSeq})</foreach>"
            + " ON DUPLICATE KEY UPDATE"
            + " liked = IF(VALUES(change_seq) > change_seq, VALUES(liked), liked),"
            + " liked_at = IF(VALUES(change_seq) > change_seq AND VALUES(liked) = 1, VALUES(liked_at), liked_at),"
            + " change_seq = GREATEST(change_seq, VALUES(change_seq))</script>")
    void upsertLatest(@Param("rows") List<FavoriteRow> rows);

    /** A user's liked videos, for rebuilding the Redis set after Redis lost it. */
    @Select("SELECT video_id, liked_at FROM favorite WHERE user_id = #{userId} AND liked = 1")
    List<FavoritedVideo> findLiked(@Param("userId") long userId);

    /** A row for the pair if it has none (not liked, sequence 0), so that {@link #lockPair} has a row to lock. */
    @Insert("INSERT IGNORE INTO favorite (user_id, video_id, liked, liked_at, change_seq) VALUES (#{userId}, #{videoId}, 0, 0, 0)")
    void insertUnliked(@Param("userId") long userId, @Param("videoId") long videoId);

    /** The pair's stored state, locked until the transaction ends. */
    @Select("SELECT liked, change_seq FROM favorite WHERE user_id = #{userId} AND video_id = #{videoId} FOR UPDATE")
    PairState lockPair(@Param("userId") long userId, @Param("videoId") long videoId);

    /** Which of these videos the user likes, by the rows (while Redis is out). */
    @Select("<script>SELECT video_id FROM favorite WHERE user_id = #{userId} AND liked = 1 AND video_id IN "
            + "<foreach collection='videoIds' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<Long> likedAmong(@Param("userId") long userId, @Param("videoIds") Collection<Long> videoIds);
}
