-- douyin-provider-relation: the follower and following pages (ORDER BY followed_at DESC, then the
-- other user's ID DESC) read one range of an index in that order, from the index alone: InnoDB
-- appends the primary key (id) to a secondary index, not the other user's ID, so the indexes of
-- 001/002 made a star's follower page sort all of the star's followers. These replace them (the
-- ADDs first, so a page always has an index); re-applied, SchemaApplier skips what is done.
ALTER TABLE follow
    ADD KEY idx_follow_followers_page (followee_id, following, followed_at, follower_id);
ALTER TABLE follow
    ADD KEY idx_follow_following_page (follower_id, following, followed_at, followee_id);
ALTER TABLE follow
    DROP KEY idx_follow_followers;
ALTER TABLE follow
    DROP KEY idx_follow_following;
