-- douyin-provider-video: up to five keywords the assistant's model gave a published video (from its
-- title and, where the model's API transcribes, its audio), comma-separated. They are also in
-- title_terms, so search finds the video by them.
ALTER TABLE video ADD COLUMN IF NOT EXISTS keywords VARCHAR(200) NOT NULL DEFAULT ''
    COMMENT 'the assistant''s keywords, comma-separated (also in title_terms)' AFTER title_terms;
