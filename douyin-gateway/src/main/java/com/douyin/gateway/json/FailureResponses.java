package com.douyin.gateway.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;

/**
 * Builds the failure body of a route from its success type, so a failed call still carries
 * every field the client expects: numbers 0, booleans false, strings "", lists [], objects
 * null (a failed login answers {@code "user_id": 0, "token": ""}).
 */
public final class FailureResponses {

    private FailureResponses() {
    }

    /**
     * The JSON type a route answers: its {@link AnswersWith}, else its return type or what it
     * wraps (a future it completes later, a ResponseEntity); null when that says nothing (Object).
     */
    public static Class<?> bodyTypeOf(Method route) {
        AnswersWith declared = route.getAnnotation(AnswersWith.class);
        if (declared != null) {
            return declared.value();
        }
        ResolvableType type = ResolvableType.forMethodReturnType(route);
        while (Future.class.isAssignableFrom(type.toClass()) || ResponseEntity.class.isAssignableFrom(type.toClass())) {
            type = type.getGeneric(0);
        }
        return type.resolve();
    }

    public static Object of(Class<?> type, int statusCode, String statusMsg) {
        if (type == null || !type.isRecord() || !ApiResponse.class.isAssignableFrom(type)) {
            return new StatusResponse(statusCode, statusMsg);
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            if (name.equals("statusCode")) {
                values[i] = statusCode;
            } else if (name.equals("statusMsg")) {
                values[i] = statusMsg;
            } else {
                values[i] = emptyValue(components[i].getType());
            }
        }
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            return new StatusResponse(statusCode, statusMsg);
        }
    }

    private static Object emptyValue(Class<?> type) {
        if (type == long.class) return 0L;
        if (type == int.class) return 0;
        if (type == boolean.class) return false;
        if (type == String.class) return "";
        if (List.class.isAssignableFrom(type)) return List.of();
        return null;
    }
}
