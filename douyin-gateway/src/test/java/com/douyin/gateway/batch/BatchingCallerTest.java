package com.douyin.gateway.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchingCallerTest {

    /** The batch calls made, each answerable by the test. */
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<List<String>>> answers = new CopyOnWriteArrayList<>();

    private CompletableFuture<List<String>> batchCall(List<Integer> items) {
        CompletableFuture<List<String>> answer = new CompletableFuture<>();
        batches.add(items);
        answers.add(answer);
        return answer;
    }

    private static void answerEach(CompletableFuture<List<String>> answer, List<Integer> items) {
        answer.complete(items.stream().map(i -> "answer " + i).toList());
    }

    private void awaitBatches(int n) throws InterruptedException {
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); batches.size() < n && System.nanoTime() < deadline; ) {
            Thread.sleep(5);
        }
        assertThat(batches).hasSize(n);
    }

    @Test
    void aLoneCallGoesAloneAndCallsArrivingMeanwhileGoTogetherInTheNextBatchEachWithItsOwnAnswer() throws Exception {
        BatchingCaller<Integer, String> caller = new BatchingCaller<>(this::batchCall, 64, 1, Duration.ofSeconds(5));
        Future<String> first = caller.submit(0);
        awaitBatches(1);
        assertThat(batches.get(0)).containsExactly(0);

        List<Future<String>> waiting = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int item = i;
            waiting.add(caller.submit(item));
        }
        Thread.sleep(200); // all five queued behind the batch in flight
        assertThat(batches).as("one batch in flight at most").hasSize(1);

        answerEach(answers.get(0), batches.get(0));
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("answer 0");
        awaitBatches(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        answerEach(answers.get(1), batches.get(1));
        for (int i = 1; i <= 5; i++) {
            assertThat(waiting.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo("answer " + i);
        }
    }

    @Test
    void aBatchIsCutAtItsLimitAndTheRestGoesInTheFollowingOne() throws Exception {
        BatchingCaller<Integer, String> caller = new BatchingCaller<>(this::batchCall, 3, 1, Duration.ofSeconds(5));
        Future<String> first = caller.submit(0);
        awaitBatches(1);
        List<Future<String>> waiting = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int item = i;
            waiting.add(caller.submit(item));
        }
        Thread.sleep(200);
        answerEach(answers.get(0), batches.get(0));
        awaitBatches(2);
        assertThat(batches.get(1)).hasSize(3);
        answerEach(answers.get(1), batches.get(1));
        awaitBatches(3);
        assertThat(batches.get(2)).hasSize(2);
        answerEach(answers.get(2), batches.get(2));
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("answer 0");
        for (Future<String> answer : waiting) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).startsWith("answer ");
        }
    }

    @Test
    void aFailedBatchCallFailsEachOfItsCallersWithItsErrorAndTheNextBatchStillGoes() throws Exception {
        BatchingCaller<Integer, String> caller = new BatchingCaller<>(this::batchCall, 64, 1, Duration.ofSeconds(5));
        Future<String> first = caller.submit(0);
        awaitBatches(1);
        Future<String> second = caller.submit(1);
        Thread.sleep(100);
        answers.get(0).completeExceptionally(new DouyinException(ErrorCode.SERVICE_UNAVAILABLE));
        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DouyinException.class)
                .satisfies(e -> assertThat(((DouyinException) e.getCause()).errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        awaitBatches(2);
        answerEach(answers.get(1), batches.get(1));
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("answer 1");
    }

    @Test
    void aBatchCallThatThrowsAtOnceFailsItsCallersWithoutLeavingItsSlotTaken() throws Exception {
        List<Integer> tried = new CopyOnWriteArrayList<>();
        BatchingCaller<Integer, String> caller = new BatchingCaller<>(items -> {
            tried.addAll(items);
            if (items.contains(0)) {
                throw new IllegalStateException("no provider");
            }
            return CompletableFuture.completedFuture(items.stream().map(i -> "answer " + i).toList());
        }, 64, 1, Duration.ofSeconds(5));
        assertThatThrownBy(() -> caller.submit(0).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("no provider");
        assertThat(caller.submit(1).get(5, TimeUnit.SECONDS)).isEqualTo("answer 1");
        assertThat(tried).containsExactly(0, 1);
    }

    @Test
    void aBatchThatNeverComesBackFailsItsCallersAsTheServiceBeingUnavailable() throws Exception {
        BatchingCaller<Integer, String> caller = new BatchingCaller<>(this::batchCall, 64, 1, Duration.ofMillis(10));
        Future<String> lost = caller.submit(0);
        assertThatThrownBy(() -> lost.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DouyinException.class)
                .satisfies(e -> assertThat(((DouyinException) e.getCause()).errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    }
}
