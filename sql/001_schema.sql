-- Schema of every table the API needs. Idempotent: ./douyin up applies it on every start.
-- Later files change tables created here (ALTER ... ADD or DROP): re-applied, they are skipped as done.
-- Each table belongs to one provider (see docs/architecture.md); references between tables are
-- logical (no FOREIGN KEY): the tables may live in different databases when services are split.
-- Times the client sees are epoch milliseconds (BIGINT); created_at/updated_at are for operators.

-- douyin-provider-user
CREATE TABLE IF NOT EXISTS user (
    id               BIGINT        NOT NULL COMMENT 'snowflake ID',
    username         VARCHAR(32)   NOT NULL COMMENT 'login name, shown as the user name',
    password_hash    VARCHAR(100)  NOT NULL COMMENT 'bcrypt',
    avatar           VARCHAR(255)  NOT NULL DEFAULT '' COMMENT 'object key; empty = default image',
    background_image VARCHAR(255)  NOT NULL DEFAULT '' COMMENT 'object key; empty = default image',
    signature        VARCHAR(255)  NOT NULL DEFAULT '',
    follow_count     BIGINT        NOT NULL DEFAULT 0,
    follower_count   BIGINT        NOT NULL DEFAULT 0,
    total_favorited  BIGINT        NOT NULL DEFAULT 0 COMMENT 'likes received on all videos',
    work_count       BIGINT        NOT NULL DEFAULT 0 COMMENT 'videos published',
    favorite_count   BIGINT        NOT NULL DEFAULT 0 COMMENT 'videos this user likes',
    created_at       DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at       DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_user_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- douyin-provider-video
CREATE TABLE IF NOT EXISTS video (
    id             BIGINT        NOT NULL COMMENT 'snowflake ID',
    author_id      BIGINT        NOT NULL COMMENT 'user.id',
    title          VARCHAR(100)  NOT NULL,
    title_terms    VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'title segmented into words, for FULLTEXT search',
    topic          VARCHAR(32)   NOT NULL DEFAULT '',
    play_key       VARCHAR(255)  NOT NULL COMMENT 'object key of the video file',
    cover_key      VARCHAR(255)  NOT NULL DEFAULT '' COMMENT 'object key of the cover; empty = placeholder',
    favorite_count BIGINT        NOT NULL DEFAULT 0,
    comment_count  BIGINT        NOT NULL DEFAULT 0,
    published_at   BIGINT        NOT NULL COMMENT 'epoch ms',
    created_at     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY idx_video_feed (published_at, id),
    KEY idx_video_author (author_id, published_at),
    UNIQUE KEY uk_video_play_key (play_key) COMMENT 'one video per uploaded file: a retried publish finds the first',
    KEY idx_video_topic (topic, published_at),
    FULLTEXT KEY ft_video_title_terms (title_terms)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- douyin-provider-favorite: one row per (user, video) ever liked; `liked` is the current state.
CREATE TABLE IF NOT EXISTS favorite (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    user_id    BIGINT      NOT NULL,
    video_id   BIGINT      NOT NULL,
    liked      TINYINT(1)  NOT NULL DEFAULT 1,
    liked_at   BIGINT      NOT NULL COMMENT 'epoch ms of the last like, for "most recent first"',
    change_seq BIGINT      NOT NULL DEFAULT 0 COMMENT 'Redis time (us) of the change stored here: a later change wins',
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_favorite_user_video (user_id, video_id),
    KEY idx_favorite_user_list (user_id, liked, liked_at),
    KEY idx_favorite_video (video_id, liked)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- douyin-provider-favorite: changes written on the synchronous path (broker unavailable) whose
-- counters the video and user providers have not confirmed yet; retried until they have.
CREATE TABLE IF NOT EXISTS favorite_outbox (
    event_key  VARCHAR(128) NOT NULL,
    payload    VARCHAR(1000) NOT NULL COMMENT 'FavoriteChangedEvent as JSON',
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (event_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- douyin-provider-comment
CREATE TABLE IF NOT EXISTS comment (
    id           BIGINT       NOT NULL COMMENT 'snowflake ID',
    video_id     BIGINT       NOT NULL,
    user_id      BIGINT       NOT NULL,
    parent_id    BIGINT       NOT NULL DEFAULT 0 COMMENT '0 = top-level comment',
    content      VARCHAR(500) NOT NULL,
    deleted      TINYINT(1)   NOT NULL DEFAULT 0,
    created_time BIGINT       NOT NULL COMMENT 'epoch ms',
    created_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY idx_comment_video (video_id, deleted, created_time),
    KEY idx_comment_parent (parent_id, deleted, created_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- douyin-provider-comment: changes written on the synchronous path (broker unavailable) whose
-- comment_count the video provider has not confirmed yet; retried until it has.
CREATE TABLE IF NOT EXISTS comment_outbox (
    event_key  VARCHAR(128)  NOT NULL,
    payload    VARCHAR(4000) NOT NULL COMMENT 'CommentChangedEvent as JSON',
    created_at DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (event_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- douyin-provider-relation: one row per (follower, followee) ever followed; `following` is the current state.
CREATE TABLE IF NOT EXISTS follow (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    follower_id BIGINT      NOT NULL,
    followee_id BIGINT      NOT NULL,
    following   TINYINT(1)  NOT NULL DEFAULT 1,
    followed_at BIGINT      NOT NULL COMMENT 'epoch ms of the last follow',
    created_at  DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at  DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_follow_pair (follower_id, followee_id),
    KEY idx_follow_followers (followee_id, following, followed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The relation provider's synchronous path (broker down): changes the user provider has not confirmed yet.
CREATE TABLE IF NOT EXISTS relation_outbox (
    event_key  VARCHAR(128) NOT NULL,
    payload    VARCHAR(1000) NOT NULL COMMENT 'FollowChangedEvent as JSON',
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (event_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- douyin-provider-message: pair_low/pair_high = the two user IDs in order, so one index serves a chat.
CREATE TABLE IF NOT EXISTS message (
    id           BIGINT        NOT NULL COMMENT 'snowflake ID',
    from_user_id BIGINT        NOT NULL,
    to_user_id   BIGINT        NOT NULL,
    pair_low     BIGINT        NOT NULL,
    pair_high    BIGINT        NOT NULL,
    content      VARCHAR(1000) NOT NULL,
    create_time  BIGINT        NOT NULL COMMENT 'epoch ms, strictly increasing within a pair',
    created_at   DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY idx_message_chat (pair_low, pair_high, create_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- douyin-provider-message: one row per chat (pair of users), its clock and its latest message. A
-- send locks it, so the messages of a chat get strictly increasing times in commit order: a
-- client polling "after the last create_time I have" never skips or repeats one.
CREATE TABLE IF NOT EXISTS chat (
    pair_low        BIGINT      NOT NULL,
    pair_high       BIGINT      NOT NULL,
    last_time       BIGINT      NOT NULL COMMENT 'create_time of the latest message (epoch ms)',
    last_message_id BIGINT      NOT NULL,
    updated_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (pair_low, pair_high)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every provider that consumes RocketMQ events: the keys it has applied, so a redelivered
-- message changes nothing (inserted in the same transaction as the change it causes).
CREATE TABLE IF NOT EXISTS consumed_event (
    consumer   VARCHAR(64)  NOT NULL,
    event_key  VARCHAR(128) NOT NULL,
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (consumer, event_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Snowflake worker IDs (0..31) leased per service, in the database every ID-minting service
-- writes to anyway, so IDs can still be minted while Redis is down. Times are the database's.
CREATE TABLE IF NOT EXISTS snowflake_worker (
    service        VARCHAR(64) NOT NULL,
    worker_id      INT         NOT NULL,
    holder         CHAR(36)    NULL COMMENT 'the instance holding the lease',
    lease_until    BIGINT      NOT NULL DEFAULT 0 COMMENT 'epoch ms',
    last_timestamp BIGINT      NOT NULL DEFAULT 0 COMMENT 'last ID timestamp of any holder: a successor never goes below it',
    PRIMARY KEY (service, worker_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Redis keys written to MySQL while Redis was unreachable, so the cached copies are stale: they
-- are deleted from Redis when it answers again (RedisOutage), and rebuilt from MySQL on use.
CREATE TABLE IF NOT EXISTS cache_stale_key (
    cache_key  VARCHAR(128) NOT NULL,
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (cache_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
