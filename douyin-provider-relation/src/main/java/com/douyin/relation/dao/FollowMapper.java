package com.douyin.relation.dao;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface FollowMapper {

    /**
     * Stores the latest state of each pair of a batch in one statement. A change older than the
     * stored one (a redelivery, or a batch that overtook it) leaves the row alone.
     */
    @Insert("<script>INSERT INTO follow (follower_id, followee_id, following, followed_at, change_seq) VALUES "
            + "<foreach collection='rows' item='r' separator=','>(#{r.followerId}, #{r.followeeId}, #{r.following}, #{r.followedAt}, #{r.changeSeq})</foreach>"
            + " ON DUPLICATE KEY UPDATE"
            + " following = IF(VALUES(change_seq) > change_seq, VALUES(following), following),"
            + " followed_at = IF(VALUES(change_seq) > change_seq AND VALUES(following) = 1, VALUES(followed_at), followed_at),"
            + " change_seq = GREATEST(change_seq, VALUES(change_seq))</script>")
    void upsertLatest(@Param("rows") List<FollowRow> rows);

    /** Everyone the user follows, for rebuilding the Redis set after Redis lost it. */
    @Select("SELECT followee_id AS user_id, followed_at FROM follow WHERE follower_id = #{userId} AND following = 1")
    List<FollowedUser> findFollowing(@Param("userId") long userId);

    /** A page of whom the user follows, most recent first (while Redis is out): one range of idx_follow_following_page, no sort. */
    @Select("SELECT followee_id FROM follow WHERE follower_id = #{userId} AND following = 1"
            + " ORDER BY followed_at DESC, followee_id DESC LIMIT #{count} OFFSET #{offset}")
    List<Long> followingPage(@Param("userId") long userId, @Param("offset") int offset, @Param("count") int count);

    /**
     * A page of who follows the user, most recent first. Followers are never all in Redis: a star
     * has millions. One range of idx_follow_followers_page read backwards, no sort.
     */
    @Select("SELECT follower_id FROM follow WHERE followee_id = #{userId} AND following = 1"
            + " ORDER BY followed_at DESC, follower_id DESC LIMIT #{count} OFFSET #{offset}")
    List<Long> followersPage(@Param("userId") long userId, @Param("offset") int offset, @Param("count") int count);

    /**
     * A page of the user's friends (whom they follow who follow them back), most recent follow
     * first (while Redis is out): the user's range of idx_follow_following_page in page order, each
     * row's reverse found by uk_follow_pair (forced: left to itself, MariaDB may read the user's
     * followers once per followed user, and a star has millions).
     */
    @Select("SELECT mine.followee_id FROM follow mine"
            + " JOIN follow theirs FORCE INDEX (uk_follow_pair) ON theirs.follower_id = mine.followee_id AND theirs.followee_id = mine.follower_id AND theirs.following = 1"
            + " WHERE mine.follower_id = #{userId} AND mine.following = 1"
            + " ORDER BY mine.followed_at DESC, mine.followee_id DESC LIMIT #{count} OFFSET #{offset}")
    List<Long> friendsPage(@Param("userId") long userId, @Param("offset") int offset, @Param("count") int count);

    /** Which of these users the user follows, by the rows (while Redis is out). */
    @Select("<script>SELECT followee_id FROM follow WHERE follower_id = #{userId} AND following = 1 AND followee_id IN "
            + "<foreach collection='userIds' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<Long> followingAmong(@Param("userId") long userId, @Param("userIds") Collection<Long> userIds);

    /** Which of these users follow the user, by the rows (one query for a friend list, however many). */
    @Select("<script>SELECT follower_id FROM follow WHERE followee_id = #{userId} AND following = 1 AND follower_id IN "
            + "<foreach collection='userIds' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<Long> followersAmong(@Param("userId") long userId, @Param("userIds") Collection<Long> userIds);

    /** A row for the pair if it has none (not following, sequence 0), so that {@link #lockPair} has a row to lock. */
    @Insert("INSERT IGNORE INTO follow (follower_id, followee_id, following, followed_at, change_seq) VALUES (#{followerId}, #{followeeId}, 0, 0, 0)")
    void insertUnfollowed(@Param("followerId") long followerId, @Param("followeeId") long followeeId);

    /** The pair's stored state, locked until the transaction ends. */
    @Select("SELECT following, change_seq FROM follow WHERE follower_id = #{followerId} AND followee_id = #{followeeId} FOR UPDATE")
    PairState lockPair(@Param("followerId") long followerId, @Param("followeeId") long followeeId);
}
