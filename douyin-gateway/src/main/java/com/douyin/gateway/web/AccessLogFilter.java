package com.douyin.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per API request that matters: method, path, HTTP status, the contract's
 * status_code when it is a failure, time. Every failed (either status) or slow request is logged; of those that succeed quickly only a sample: 1 % of the reads
 * ({@code douyin.gateway.access-log.read-sample}; the feed at thousands a second, where the line
 * cost a tenth of the gateway's CPU) and 10 % of the writes ({@code write-sample}; a like storm,
 * where it cost as much). A request whose trace is sampled is always logged, so every trace in
 * the tracing backend has its access line. It runs inside the request's trace
 * (after Spring's observation filter), so the line carries the trace ID that every provider's log
 * lines for this request carry too. A route that answers later (a like) is logged when its answer
 * is written, in the dispatch that writes it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("douyin.access");
    private static final long SLOW_MS = 200;
    /** Request attribute: the status_code of a failure ({@link ApiExceptionHandler} sets it). */
    static final String FAILURE_CODE = AccessLogFilter.class.getName() + ".failureCode";
    private static final String STARTED = AccessLogFilter.class.getName() + ".started";

    private final double readSample;
    private final double writeSample;
    private final ObjectProvider<Tracer> tracerProvider;
    /** Looked up once: ObjectProvider resolves the dependency anew on every call (5 % of the gateway's CPU). */
    private volatile Tracer tracer;

    public AccessLogFilter(@Value("${douyin.gateway.access-log.read-sample:0.01}") double readSample,
                           @Value("${douyin.gateway.access-log.write-sample:0.1}") double writeSample,
                           ObjectProvider<Tracer> tracer) {
        this.readSample = readSample;
        this.writeSample = writeSample;
        this.tracerProvider = tracer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/douyin/");
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isAsyncDispatch(request)) {
            request.setAttribute(STARTED, System.nanoTime());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (!isAsyncStarted(request)) {
                writeLine(request, response);
            }
        }
    }

    private void writeLine(HttpServletRequest request, HttpServletResponse response) {
        long ms = (System.nanoTime() - (long) request.getAttribute(STARTED)) / 1_000_000;
        Object failureCode = request.getAttribute(FAILURE_CODE);
        if (failureCode != null) {
            log.info("{} {} {} status_code {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(), failureCode, ms);
        } else if (isLogged(request.getMethod(), response.getStatus(), ms)) {
            log.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(), ms);
        }
    }

    private boolean isLogged(String method, int status, long ms) {
        return status >= 300 || ms >= SLOW_MS || traceSampled()
                || ThreadLocalRandom.current().nextDouble() < ("GET".equals(method) ? readSample : writeSample);
    }

    private Tracer tracer() {
        Tracer found = tracer;
        if (found == null) {
            found = tracerProvider.getIfAvailable(() -> Tracer.NOOP);
            tracer = found;
        }
        return found;
    }

    private boolean traceSampled() {
        Span span = tracer().currentSpan();
        return span != null && Boolean.TRUE.equals(span.context().sampled());
    }
}
