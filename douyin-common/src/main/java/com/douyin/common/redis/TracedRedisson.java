package com.douyin.common.redis;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RBatch;
import org.redisson.api.RObject;
import org.redisson.api.RedissonClient;
import org.springframework.util.ClassUtils;

/**
 * Redis calls as spans of the trace that makes them. Redisson has no tracing of its own (OpenTelemetry
 * instruments it only from its Java agent, which these services do not run), so the client is
 * wrapped: each object it hands out (a map, a sorted set, a script, a lock, ...) is a proxy whose
 * calls are client spans named after the object and the operation ({@code ScoredSortedSet.addAll},
 * remote service {@code redis}, the key as {@code db.redis.key}); a batch is one span, for its
 * round trip ({@code execute}). An asynchronous call's span ends when its answer arrives. Only
 * inside a sampled trace: otherwise a call goes straight through, for the cost of the proxy.
 */
public final class TracedRedisson {

    private static final String REDISSON_API = RedissonClient.class.getPackageName();

    /** The public interfaces a proxy of such an object implements (so that casts to any of them work), found once per class. */
    private static final ClassValue<Class<?>[]> INTERFACES = new ClassValue<>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
            return ClassUtils.getAllInterfacesForClassAsSet(type).stream()
                    .filter(candidate -> Modifier.isPublic(candidate.getModifiers())).toArray(Class<?>[]::new);
        }
    };

    private TracedRedisson() {
    }

    /** {@code client}, its objects' calls traced by {@code tracer}. */
    public static RedissonClient wrap(RedissonClient client, Tracer tracer) {
        return (RedissonClient) proxy(client, (proxy, method, args) -> {
            Object made = invoke(client, method, args);
            Class<?> type = method.getReturnType();
            if (made == null || !type.isInterface() || !type.getPackageName().equals(REDISSON_API)
                    || made instanceof CompletionStage<?>) {
                return made;
            }
            return proxy(made, new TracedObject(made, type.getSimpleName().substring(1), tracer)); // RMap -> Map
        });
    }

    /** One object's calls, each a span (a batch's: its execution only). */
    private record TracedObject(Object target, String kind, Tracer tracer) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Span parent = tracer.currentSpan();
            if (parent == null || !Boolean.TRUE.equals(parent.context().sampled()) || !traced(method)) {
                return TracedRedisson.invoke(target, method, args);
            }
            Span span = tracer.spanBuilder().setParent(parent.context()).name(kind + "." + method.getName())
                    .kind(Span.Kind.CLIENT).remoteServiceName("redis").tag("db.system", "redis").start();
            if (target instanceof RObject object) {
                span.tag("db.redis.key", object.getName());
            }
            Object result;
            try {
                result = TracedRedisson.invoke(target, method, args);
            } catch (Throwable failure) {
                span.error(failure);
                span.end();
                throw failure;
            }
            if (result instanceof CompletionStage<?> answer) {
                answer.whenComplete((value, failure) -> {
                    if (failure != null) {
                        span.error(failure);
                    }
                    span.end();
                });
            } else {
                span.end();
            }
            return result;
        }

        /** A call that goes to Redis: not Object's methods, not a batch's queueing of commands. */
        private boolean traced(Method method) {
            if (method.getDeclaringClass() == Object.class || method.getName().equals("getName")) {
                return false;
            }
            return !(target instanceof RBatch) || method.getName().startsWith("execute");
        }
    }

    private static Object proxy(Object target, InvocationHandler handler) {
        return Proxy.newProxyInstance(target.getClass().getClassLoader(), INTERFACES.get(target.getClass()), handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
