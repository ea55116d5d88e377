-- douyin-provider-video: video files stored under videos/ that no video uses yet. A direct
-- upload's key is recorded when its credential is issued, a multipart upload's just before the
-- gateway stores it; publishing the key deletes its row (in the insert's transaction). What is
-- still here a while after expires_at was never published: the video provider's sweeper deletes
-- the file. `swept`: 0 pending, 1 its file being deleted, 2 deleted (kept a week as a tombstone,
-- so a late publish of the key is refused rather than taken for a key never recorded).
CREATE TABLE IF NOT EXISTS pending_upload (
    object_key  VARCHAR(255) NOT NULL,
    owner_id    BIGINT       NOT NULL,
    expires_at  BIGINT       NOT NULL COMMENT 'epoch ms: no upload to this key after it',
    swept       TINYINT      NOT NULL DEFAULT 0 COMMENT '0 pending, 1 deleting, 2 deleted',
    PRIMARY KEY (object_key),
    KEY idx_pending_upload_expires (swept, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
