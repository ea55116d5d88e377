package com.douyin.common.sentinel;

import com.alibaba.csp.sentinel.adapter.dubbo3.config.DubboAdapterGlobalConfig;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.RpcException;

/**
 * What a Dubbo call does while Sentinel's circuit breaker for it is open (rules in
 * sentinel-APP-degrade.json, resources named by interface, and interface:method(params)): it
 * fails at once with an {@link RpcException}, exactly as if the provider were down, without
 * waiting for a timeout. Callers already handle that: the gateway renders a page without its
 * decorations (is_favorite, is_follow, latest messages) and answers a user action with
 * "the service is busy, please try again shortly".
 */
public final class DubboBreakerFallback {

    private DubboBreakerFallback() {
    }

    public static void install() {
        DubboAdapterGlobalConfig.setConsumerFallback((invoker, invocation, blocked) ->
                AsyncRpcResult.newDefaultAsyncResult(new RpcException(RpcException.FORBIDDEN_EXCEPTION,
                        "circuit open: " + invoker.getInterface().getSimpleName() + " is failing and is not called for a while"),
                        invocation));
    }
}
