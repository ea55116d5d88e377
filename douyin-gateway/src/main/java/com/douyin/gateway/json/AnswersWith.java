package com.douyin.gateway.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON type a route answers when its return type cannot say it: a route that answers at once
 * when it can and later when it must returns {@code Object} (a body, a ResponseEntity or a
 * future), and its failures still carry every field of this type ({@link FailureResponses}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AnswersWith {
    Class<? extends ApiResponse> value();
}
