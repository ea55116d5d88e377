package com.douyin.common.dubbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.common.testing.RandomSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.dubbo.rpc.RpcInvocation;
import org.junit.jupiter.api.Test;

class CallerKeyTest {

    private static final String SERVICE = "com.douyin.api.user.UserService";
    private final String secret = RandomSecret.next();
    private final Clock now = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    private static RpcInvocation call(String method) {
        RpcInvocation invocation = new RpcInvocation();
        invocation.setMethodName(method);
        return invocation;
    }

    @Test
    void aCallSignedWithTheKeyIsSigned() {
        RpcInvocation login = call("login");
        new CallerKey(secret, now).sign(SERVICE, login);
        assertThat(new CallerKey(secret, now).signed(SERVICE, login)).isTrue();
    }

    @Test
    void anUnsignedCallOrOneSignedWithAnotherKeyIsNot() {
        CallerKey key = new CallerKey(secret, now);
        assertThat(key.signed(SERVICE, call("login"))).as("unsigned").isFalse();

        RpcInvocation other = call("login");
        new CallerKey(RandomSecret.next(), now).sign(SERVICE, other);
        assertThat(key.signed(SERVICE, other)).as("another key").isFalse();
    }

    @Test
    void aSignatureHoldsForItsServiceAndMethodOnly() {
        CallerKey key = new CallerKey(secret, now);
        RpcInvocation getUser = call("getUser");
        key.sign(SERVICE, getUser);
        assertThat(key.signed("com.douyin.api.video.VideoService", getUser)).as("another service").isFalse();

        getUser.setMethodName("changePassword");
        assertThat(key.signed(SERVICE, getUser)).as("another method").isFalse();
    }

    @Test
    void aSignatureExpiresPastTheAllowedSkew() {
        RpcInvocation login = call("login");
        new CallerKey(secret, now).sign(SERVICE, login);
        Clock later = Clock.offset(now, CallerKey.MAX_SKEW.plus(Duration.ofSeconds(1)));
        assertThat(new CallerKey(secret, later).signed(SERVICE, login)).isFalse();

        login.setAttachment(CallerKey.TIME, "not a time");
        assertThat(new CallerKey(secret, now).signed(SERVICE, login)).as("garbled time").isFalse();
    }

    @Test
    void aShortOrMissingSecretIsRefused() {
        assertThatThrownBy(() -> new CallerKey("short", now)).hasMessageContaining("douyin.rpc.caller-secret");
        assertThatThrownBy(() -> new CallerKey("", now)).hasMessageContaining("not set");
    }
}
