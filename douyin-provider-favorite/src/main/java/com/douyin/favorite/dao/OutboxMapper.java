package com.douyin.favorite.dao;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface OutboxMapper {

    @Insert("INSERT IGNORE INTO favorite_outbox (event_key, payload) VALUES (#{eventKey}, #{payload})")
    void insert(@Param("eventKey") String eventKey, @Param("payload") String payload);

    @Delete("DELETE FROM favorite_outbox WHERE event_key = #{eventKey}")
    void delete(@Param("eventKey") String eventKey);

    /** The oldest pending changes first. */
    @Select("SELECT payload FROM favorite_outbox ORDER BY created_at LIMIT #{limit}")
    List<String> oldest(@Param("limit") int limit);
}
