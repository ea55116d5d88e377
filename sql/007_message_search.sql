-- douyin-provider-message: chat search (GET /douyin/message/search/). content_terms holds the
-- message's words as SearchTerms writes them (HanLP words, each "w" + the hex of its UTF-8 bytes)
-- after a token per participant ("uid" + user ID), so one FULLTEXT lookup finds a user's messages
-- holding the words. NULL: not indexed yet (messages sent before this column; the provider
-- fills them in the background, MessageTermsBackfill).
ALTER TABLE message
    ADD COLUMN content_terms VARCHAR(1100) NULL COMMENT 'participants and words, for FULLTEXT search';
ALTER TABLE message
    ADD FULLTEXT KEY ft_message_content_terms (content_terms);
