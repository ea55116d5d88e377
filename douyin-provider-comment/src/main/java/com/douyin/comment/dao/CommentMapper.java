package com.douyin.comment.dao;

import com.douyin.api.comment.CommentDTO;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CommentMapper {

    /** Added comments of a batch in one statement; a comment already there (deleted or not) stays as it is. */
    @Insert("<script>INSERT INTO comment (id, video_id, user_id, content, created_time) VALUES "
            + "<foreach collection='rows' item='c' separator=','>(#{c.id}, #{c.videoId}, #{c.userId}, #{c.content}, #{c.createdAt})</foreach>"
            + " ON DUPLICATE KEY UPDATE id = id</script>")
    void insertAdded(@Param("rows") List<CommentDTO> rows);

    /** Deleted comments of a batch in one statement, stored deleted even if their add has not arrived yet. */
    @Insert("<script>INSERT INTO comment (id, video_id, user_id, content, created_time, deleted) VALUES "
            + "<foreach collection='rows' item='c' separator=','>(#{c.id}, #{c.videoId}, #{c.userId}, #{c.content}, #{c.createdAt}, 1)</foreach>"
            + " ON DUPLICATE KEY UPDATE deleted = 1</script>")
    void upsertDeleted(@Param("rows") List<CommentDTO> rows);

    @Select("SELECT id, video_id, user_id, content, created_time AS created_at FROM comment"
            + " WHERE video_id = #{videoId} AND deleted = 0")
    List<CommentDTO> findVisible(@Param("videoId") long videoId);

    /** The comment if it is on this video and not deleted, locked until the transaction ends. */
    @Select("SELECT id, video_id, user_id, content, created_time AS created_at FROM comment"
            + " WHERE id = #{commentId} AND video_id = #{videoId} AND deleted = 0 FOR UPDATE")
    CommentDTO lockVisible(@Param("videoId") long videoId, @Param("commentId") long commentId);
}
