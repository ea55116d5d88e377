package com.douyin.message.dao;

import java.time.LocalDate;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Which users were sent the daily picks of which day (sql/009_daily_picks.sql). */
@Mapper
public interface DailyPickMapper {

    @Select("SELECT COUNT(*) > 0 FROM daily_pick WHERE user_id = #{userId} AND day = #{day}")
    boolean sent(@Param("userId") long userId, @Param("day") LocalDate day);

    /** 1 when recorded, 0 when the user already has the day's picks (waits for a transaction that is recording them). */
    @Insert("INSERT IGNORE INTO daily_pick (user_id, day, message_id) VALUES (#{userId}, #{day}, #{messageId})")
    int record(@Param("userId") long userId, @Param("day") LocalDate day, @Param("messageId") long messageId);
}
