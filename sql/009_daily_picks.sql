-- douyin-provider-message: the daily picks (a chat message from the assistant account with a few
-- recommended videos, once a day to each active user). One row per user and day, written in the
-- transaction that stores the message: a run that resumes after a crash, or a second instance that
-- ran at the same time, finds the row and sends nothing again.
CREATE TABLE IF NOT EXISTS daily_pick (
    user_id    BIGINT      NOT NULL,
    day        DATE        NOT NULL COMMENT 'the day of the picks, in douyin.daily-picks.zone',
    message_id BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (user_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
