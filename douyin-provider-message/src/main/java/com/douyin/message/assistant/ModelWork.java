package com.douyin.message.assistant;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The assistant's work from a broker event (describing a video, judging a comment): it waits on
 * the model's API, so it throws the HTTP client's checked exceptions; a consumer rethrows them
 * unchecked, and RocketMQ delivers the event again later.
 */
@FunctionalInterface
public interface ModelWork {

    void run() throws IOException, InterruptedException;

    /** Runs {@code work} for an event; a failure is thrown unchecked (the event is redelivered). */
    static void forEvent(String what, ModelWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }
}
