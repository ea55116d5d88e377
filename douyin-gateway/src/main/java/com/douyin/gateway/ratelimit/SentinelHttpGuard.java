package com.douyin.gateway.ratelimit;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRuleManager;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Sentinel in front of every API route, two resources a request:
 * <ul>
 *   <li>{@value #PER_CLIENT}, with the client's IP as its parameter: a hot-parameter rule
 *       (sentinel-douyin-gateway-param-flow.json) caps each address's requests per second;</li>
 *   <li>{@code http-client:ROUTE} (e.g. {@code http-client:/douyin/user/login}), with the client's
 *       IP, only for a route that has a hot-parameter rule of its own: a tighter cap per address on
 *       a sensitive route (login, register);</li>
 *   <li>{@code http:ROUTE} (e.g. {@code http:/douyin/publish/action}, no trailing slash): flow
 *       rules (sentinel-douyin-gateway-flow.json) cap a route's total requests per second.</li>
 * </ul>
 * The per-client limits come first and a refused request never counts against the route's total,
 * so one client hitting its own cap cannot use up the total that every client shares (set the
 * route's total far above the per-client cap).
 * A refused request gets HTTP 429 with the contract's JSON ({@code status_code} 10429). The
 * rules come from Nacos and change at run time.
 *
 * <p>A route that answers later (a like waits for its batch without its thread) is counted once,
 * when it arrives: its entries end when its thread lets go of it (Sentinel keeps them per
 * thread), and the dispatch that writes its answer is not counted again.
 */
@Component
public class SentinelHttpGuard implements AsyncHandlerInterceptor {

    public static final String PER_CLIENT = "http-client";
    private static final String ENTRIES = SentinelHttpGuard.class.getName() + ".entries";

    private final ClientAddress clients;

    public SentinelHttpGuard(ClientAddress clients) {
        this.clients = clients;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            return true; // counted when it arrived
        }
        Deque<Entry> entries = new ArrayDeque<>(2);
        request.setAttribute(ENTRIES, entries);
        try {
            String client = clients.of(request);
            String route = routeOf(request);
            entries.push(SphU.entry(PER_CLIENT, EntryType.IN, 1, client));
            String perClientOnRoute = PER_CLIENT + route.substring("http".length());
            if (ParamFlowRuleManager.hasRules(perClientOnRoute)) {
                entries.push(SphU.entry(perClientOnRoute, EntryType.IN, 1, client));
            }
            entries.push(SphU.entry(route, EntryType.IN));
            return true;
        } catch (BlockException limited) {
            exitAll(entries);
            throw new DouyinException(ErrorCode.TOO_MANY_REQUESTS);
        }
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response, Object handler) {
        afterCompletion(request, response, handler, null);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        @SuppressWarnings("unchecked")
        Deque<Entry> entries = (Deque<Entry>) request.getAttribute(ENTRIES);
        if (entries != null) {
            exitAll(entries);
        }
    }

    /** The route's pattern without its trailing slash, so both spellings of a route share one limit. */
    static String routeOf(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern == null ? request.getRequestURI() : pattern.toString();
        return "http:" + (route.length() > 1 && route.endsWith("/") ? route.substring(0, route.length() - 1) : route);
    }

    private static void exitAll(Deque<Entry> entries) {
        while (!entries.isEmpty()) {
            entries.pop().exit(); // innermost first
        }
    }
}
