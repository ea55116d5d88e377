package com.douyin.message.dao;

import com.douyin.api.common.PageCursor;
import com.douyin.api.message.MessageDTO;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface MessageMapper {

    String COLUMNS = "id, from_user_id, to_user_id, content, create_time";

    /**
     * Moves the chat's clock past its latest message (to {@code now}, or 1 ms after the latest if
     * that is not earlier) and records {@code messageId} as the latest; locks the chat row until
     * the transaction ends.
     */
    @Insert("INSERT INTO chat (pair_low, pair_high, last_time, last_message_id) VALUES (#{pair.low}, #{pair.high}, #{now}, #{messageId})"
            + " ON DUPLICATE KEY UPDATE last_time = GREATEST(last_time + 1, VALUES(last_time)), last_message_id = VALUES(last_message_id)")
    void advanceChat(@Param("pair") ChatPair pair, @Param("now") long now, @Param("messageId") long messageId);

    @Select("SELECT last_time FROM chat WHERE pair_low = #{pair.low} AND pair_high = #{pair.high}")
    long chatTime(@Param("pair") ChatPair pair);

    /** {@code terms}: what the message is found by in chat search (MessageTerms). */
    @Insert("INSERT INTO message (id, from_user_id, to_user_id, pair_low, pair_high, content, content_terms, create_time)"
            + " VALUES (#{m.id}, #{m.fromUserId}, #{m.toUserId}, #{pair.low}, #{pair.high}, #{m.content}, #{terms}, #{m.createTime})")
    void insert(@Param("m") MessageDTO message, @Param("pair") ChatPair pair, @Param("terms") String terms);

    /**
     * Messages whose terms match {@code terms} (a boolean-mode expression), newest first, after
     * {@code cursor} (null: from the newest).
     */
    @Select("<script>SELECT " + COLUMNS + " FROM message WHERE MATCH(content_terms) AGAINST(#{terms} IN BOOLEAN MODE)"
            + "<if test='cursor != null'> AND (create_time &lt; #{cursor.time} OR (create_time = #{cursor.time} AND id &lt; #{cursor.id}))</if>"
            + " ORDER BY create_time DESC, id DESC LIMIT #{limit}</script>")
    List<MessageDTO> search(@Param("terms") String terms, @Param("cursor") PageCursor cursor, @Param("limit") int limit);

    /** Messages after {@code afterId} in ID order not indexed yet (stored before chat search existed): one walk of the primary key. */
    @Select("SELECT " + COLUMNS + " FROM message WHERE id > #{afterId} AND content_terms IS NULL ORDER BY id LIMIT #{limit}")
    List<MessageDTO> withoutTerms(@Param("afterId") long afterId, @Param("limit") int limit);

    @Update("UPDATE message SET content_terms = #{terms} WHERE id = #{id}")
    void setTerms(@Param("id") long id, @Param("terms") String terms);

    /** The chat after {@code afterTime}, oldest first. */
    @Select("SELECT " + COLUMNS + " FROM message WHERE pair_low = #{pair.low} AND pair_high = #{pair.high}"
            + " AND create_time > #{afterTime} ORDER BY create_time LIMIT #{limit}")
    List<MessageDTO> after(@Param("pair") ChatPair pair, @Param("afterTime") long afterTime, @Param("limit") int limit);

    /** The latest messages of the chat, newest first. */
    @Select("SELECT " + COLUMNS + " FROM message WHERE pair_low = #{pair.low} AND pair_high = #{pair.high}"
            + " ORDER BY create_time DESC LIMIT #{limit}")
    List<MessageDTO> latest(@Param("pair") ChatPair pair, @Param("limit") int limit);

    /** The latest message of each of these chats (chats with no message are absent). */
    @Select("<script>SELECT m.id, m.from_user_id, m.to_user_id, m.content, m.create_time FROM chat c"
            + " JOIN message m ON m.id = c.last_message_id WHERE (c.pair_low, c.pair_high) IN "
            + "<foreach collection='pairs' item='p' open='(' separator=',' close=')'>(#{p.low}, #{p.high})</foreach></script>")
    List<MessageDTO> latestOf(@Param("pairs") List<ChatPair> pairs);
}
