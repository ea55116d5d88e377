package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.awaitBrokerRecovered;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.publish;
import static com.douyin.e2e.ApiClient.publishFallbacks;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.Launcher;
import com.douyin.common.testing.SampleVideo;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A publish while the broker is down spans two providers: the video row (video provider) and its
 * author's work_count (user provider, over Dubbo), in one Seata AT global transaction run by the
 * launcher's Seata server. The video provider's insert commits on its own before the user provider
 * is called, so when the user provider fails, only Seata's undo can take the row away again.
 */
@ExtendWith(DouyinSystem.class)
class PublishWithoutBrokerEndToEndIT {

    @Test
    void withTheBrokerDownAPublishStoresTheVideoAndItsWorkCountTogetherOrNeither() throws Exception {
        ApiClient.Account author = newAccount();
        ApiClient.Account vanished = newAccount();
        Launcher.run("stop broker", "e2e-launcher", Duration.ofMinutes(2));
        try (SystemStores stores = new SystemStores()) {
            double fallbacksBefore = publishFallbacks();
            JsonNode published = ok(publish(author, "published without the broker", "a.mp4", SampleVideo.mp4()));
            assertThat(published.get("status_code").asInt()).as(published.toString()).isZero();
            assertThat(publishFallbacks()).as("took the synchronous path").isGreaterThan(fallbacksBefore);
            // Both committed before the answer, with no broker to carry the event.
            assertThat(stores.queryLong("SELECT COUNT(*) FROM video WHERE author_id = ?", author.id())).isEqualTo(1);
            assertThat(stores.queryLong("SELECT work_count FROM user WHERE id = ?", author.id())).isEqualTo(1);

            // The second provider fails: the author's row is gone when it counts the video.
            assertThat(stores.update("DELETE FROM user WHERE id = ?", vanished.id())).isEqualTo(1);
            JsonNode refused = ok(publish(vanished, "rolled back", "b.mp4", SampleVideo.mp4()));
            assertThat(refused.get("status_code").asInt()).as(refused.toString()).isEqualTo(20006); // "This user does not exist."
            assertThat(stores.queryLong("SELECT COUNT(*) FROM video WHERE author_id = ?", vanished.id()))
                    .as("the first provider's committed insert was undone").isZero();
            assertThat(stores.await(0, "SELECT COUNT(*) FROM undo_log")).as("undo images cleaned up").isZero();
        } finally {
            Launcher.run("start broker", "e2e-launcher", Duration.ofMinutes(3));
        }
        awaitBrokerRecovered();
        try (SystemStores stores = new SystemStores()) {
            Thread.sleep(2000); // nothing of the first publish may arrive again through the broker
            assertThat(stores.queryLong("SELECT work_count FROM user WHERE id = ?", author.id())).isEqualTo(1);
        }
    }
}
