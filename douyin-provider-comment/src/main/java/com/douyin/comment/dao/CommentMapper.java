package com.douyin.comment.dao;

import com.douyin.api.comment.CommentDTO;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The comment table. A comment is visible while its row is not deleted and, a reply, while its
 * top-level comment is visible too: deleting a comment hides its replies without touching their rows.
 */
@Mapper
public interface CommentMapper {

    String COLUMNS = "c.id, c.video_id, c.user_id, c.parent_id, c.content, c.created_time AS created_at";

    /** Added comments of a batch in one statement; a comment already there (deleted or not) stays as it is. */
    @Insert("<script>INSERT INTO comment (id, video_id, user_id, parent_id, content, created_time) VALUES "
            + "<foreach collection='rows' item='c' separator=','>(#{c.id}, #{c.videoId}, #{c.userId}, #{c.parentId}, #{c.content}, #{c.createdAt})</foreach>"
            + " ON DUPLICATE KEY UPDATE id = id</script>")
    void insertAdded(@Param("rows") List<CommentDTO> rows);

    /** Deleted comments of a batch in one statement, stored deleted even if their add has not arrived yet. */
    @Insert("<script>INSERT INTO comment (id, video_id, user_id, parent_id, content, created_time, deleted) VALUES "
            + "<foreach collection='rows' item='c' separator=','>(#{c.id}, #{c.videoId}, #{c.userId}, #{c.parentId}, #{c.content}, #{c.createdAt}, 1)</foreach>"
            + " ON DUPLICATE KEY UPDATE deleted = 1</script>")
    void upsertDeleted(@Param("rows") List<CommentDTO> rows);

    /** The video's visible comments and replies. */
    @Select("SELECT " + COLUMNS + " FROM comment c LEFT JOIN comment p ON p.id = c.parent_id"
            + " WHERE c.video_id = #{videoId} AND c.deleted = 0 AND (c.parent_id = 0 OR p.deleted = 0)")
    List<CommentDTO> findVisible(@Param("videoId") long videoId);

    /**
     * The video's top-level comments that are not deleted, newest first, after the position
     * (beforeTime, beforeId); a range of idx_comment_video (it ends in the primary key).
     */
    @Select("SELECT " + COLUMNS + " FROM comment c WHERE c.video_id = #{videoId} AND c.deleted = 0"
            + " AND c.created_time <= #{beforeTime} AND (c.created_time < #{beforeTime} OR c.id < #{beforeId}) AND c.parent_id = 0"
            + " ORDER BY c.created_time DESC, c.id DESC LIMIT #{limit}")
    List<CommentDTO> findTopLevelAfter(@Param("videoId") long videoId, @Param("beforeTime") long beforeTime,
                                       @Param("beforeId") long beforeId, @Param("limit") int limit);

    /** The undeleted replies of each of these comments, counted in one query (comments without any are left out). */
    @Select("<script>SELECT parent_id, COUNT(*) AS reply_count FROM comment WHERE deleted = 0 AND parent_id IN "
            + "<foreach collection='parentIds' item='id' open='(' separator=',' close=')'>#{id}</foreach> GROUP BY parent_id</script>")
    List<ReplyCount> countUndeletedRepliesOf(@Param("parentIds") Collection<Long> parentIds);

    /** The comment's row if it is on this video and not deleted (its thread may be), locked until the transaction ends. */
    @Select("SELECT " + COLUMNS + " FROM comment c WHERE c.id = #{commentId} AND c.video_id = #{videoId} AND c.deleted = 0 FOR UPDATE")
    CommentDTO lockUndeleted(@Param("videoId") long videoId, @Param("commentId") long commentId);

    /** The comment if it is visible (not deleted, nor hidden with its thread), or null. */
    @Select("SELECT " + COLUMNS + " FROM comment c LEFT JOIN comment p ON p.id = c.parent_id"
            + " WHERE c.id = #{commentId} AND c.deleted = 0 AND (c.parent_id = 0 OR p.deleted = 0)")
    CommentDTO findVisibleById(@Param("commentId") long commentId);

    /** Undeleted replies of a comment, oldest first; from idx_comment_parent. */
    @Select("SELECT " + COLUMNS + " FROM comment c WHERE c.parent_id = #{parentId} AND c.deleted = 0"
            + " ORDER BY c.created_time, c.id LIMIT #{offset}, #{count}")
    List<CommentDTO> findReplies(@Param("parentId") long parentId, @Param("offset") int offset, @Param("count") int count);

    @Select("SELECT COUNT(*) FROM comment WHERE parent_id = #{parentId} AND deleted = 0")
    long countUndeletedReplies(@Param("parentId") long parentId);

    /** The video of a comment, deleted or not; null for an unknown one. */
    /** Masks a moderated comment's text, each character a '*'; 0 while its row is not written yet. */
    @Update("UPDATE comment SET content = REPEAT('*', CHAR_LENGTH(content)) WHERE id = #{commentId} AND video_id = #{videoId}")
    int maskContent(@Param("videoId") long videoId, @Param("commentId") long commentId);

    @Select("SELECT video_id FROM comment WHERE id = #{commentId}")
    Long findVideoOf(@Param("commentId") long commentId);
}
