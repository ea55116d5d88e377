package com.douyin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.gateway.json.AuthResponse;
import com.douyin.gateway.json.FeedResponse;
import com.douyin.gateway.json.CommentPageResponse;
import com.douyin.gateway.json.FailureResponses;
import com.douyin.gateway.json.StatusResponse;
import com.douyin.gateway.json.UserResponse;
import com.douyin.gateway.json.VideoPageResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class FailureResponsesTest {

    @Test
    void failedLoginCarriesUserIdZeroAndEmptyToken() {
        Object body = FailureResponses.of(AuthResponse.class, 20004, "Wrong username or password.");
        assertThat(body).isEqualTo(new AuthResponse(20004, "Wrong username or password.", 0L, "", ""));
    }

    @Test
    void objectFieldsAreNullAndUnknownTypesFallBackToTheStatus() {
        assertThat(FailureResponses.of(UserResponse.class, 20006, "gone")).isEqualTo(new UserResponse(20006, "gone", null));
        assertThat(FailureResponses.of(String.class, 1, "x")).isEqualTo(new StatusResponse(1, "x"));
        assertThat(FailureResponses.of(null, 1, "x")).isEqualTo(new StatusResponse(1, "x"));
    }

    @Test
    void aPagedListThatFailedHasNoNextCursorAndAnEmptyList() {
        assertThat(FailureResponses.of(CommentPageResponse.class, 10001, "count must be 1 to 100."))
                .isEqualTo(new CommentPageResponse(10001, "count must be 1 to 100.", "", List.of()));
        assertThat(FailureResponses.of(VideoPageResponse.class, 10001, "bad cursor"))
                .isEqualTo(new VideoPageResponse(10001, "bad cursor", "", List.of()));
    }

    @Test
    void aRouteAnsweringLaterFailsInTheShapeOfWhatItsFutureCarries() throws Exception {
        assertThat(FailureResponses.bodyTypeOf(VideoController.class.getMethod("followingFeed", HttpServletRequest.class)))
                .isEqualTo(FeedResponse.class);
        assertThat(FailureResponses.bodyTypeOf(Routes.class.getMethod("entity"))).isEqualTo(UserResponse.class);
        assertThat(FailureResponses.bodyTypeOf(Routes.class.getMethod("later"))).isEqualTo(UserResponse.class);
        assertThat(FailureResponses.bodyTypeOf(Routes.class.getMethod("unsaid"))).isEqualTo(Object.class); // StatusResponse then
    }

    @Test
    void aRouteAnsweringNowOrLaterFailsInTheShapeItDeclares() throws Exception {
        // Both feeds return Object (a body at once, or a future): their refusals still carry video_list and next_time.
        assertThat(FailureResponses.bodyTypeOf(VideoController.class.getMethod("feed", HttpServletRequest.class)))
                .isEqualTo(FeedResponse.class);
        assertThat(FailureResponses.bodyTypeOf(VideoController.class.getMethod("recommended", HttpServletRequest.class)))
                .isEqualTo(FeedResponse.class);
    }

    interface Routes {
        ResponseEntity<UserResponse> entity();

        CompletableFuture<UserResponse> later();

        Object unsaid();
    }
}
