-- douyin-provider-relation: the follow table as the relation provider writes it (a database made
-- before it has the table without these). SchemaApplier skips an ADD that exists already.
ALTER TABLE follow
    ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0 COMMENT 'Redis time (us) of the change stored here: a later change wins' AFTER followed_at;
ALTER TABLE follow
    ADD KEY idx_follow_following (follower_id, following, followed_at);
