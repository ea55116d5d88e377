-- douyin-provider-video: watermarks. A published video is played from its watermarked copy (the
-- app's name and @author, made from the publish event) once the copy exists; play_key keeps the
-- original upload (a retried publish still finds it there).
ALTER TABLE video
    ADD COLUMN watermark_key VARCHAR(255) NOT NULL DEFAULT '' COMMENT 'object key of the watermarked copy; empty = play the original'
    AFTER cover_key;
