package com.douyin.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    private static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    private static final ClientAddress BEHIND_PROXIES =
            new ClientAddress("X-Forwarded-For", List.of("10.0.0.0/8", "192.0.2.10", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress direct = new ClientAddress("X-Forwarded-For", List.of());
        assertThat(direct.of(from("203.0.113.7", "1.2.3.4"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aClientConnectingDirectlyCannotNameItsAddress() {
        assertThat(BEHIND_PROXIES.of(from("198.51.100.1", "1.2.3.4"))).isEqualTo("198.51.100.1");
    }

    @Test
    void behindAProxyTheRightMostUntrustedHopIsTheClientWhateverItWroteOnTheLeft() {
        assertThat(BEHIND_PROXIES.of(from("10.0.0.5", "6.6.6.6, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(BEHIND_PROXIES.of(from("10.0.0.5", "6.6.6.6, 203.0.113.7, 192.0.2.10, 10.1.2.3"))).isEqualTo("203.0.113.7");
        assertThat(BEHIND_PROXIES.of(from("fd00::1", "2001:db8::7"))).isEqualTo("2001:db8::7");
    }

    @Test
    void aProxyWithoutTheHeaderOrWithGarbageInItsPlaceCountsAsTheClient() {
        assertThat(BEHIND_PROXIES.of(from("10.0.0.5", null))).isEqualTo("10.0.0.5");
        assertThat(BEHIND_PROXIES.of(from("10.0.0.5", "1.2.3.4, evil.example"))).isEqualTo("10.0.0.5");
    }

    @Test
    void rangesMatchByPrefixWithoutAskingDns() {
        AddressRange range = AddressRange.parse("172.16.0.0/12");
        assertThat(range.contains("172.31.255.255")).isTrue();
        assertThat(range.contains("172.32.0.1")).isFalse();
        assertThat(range.contains("localhost")).isFalse();
        assertThatThrownBy(() -> AddressRange.parse("proxy.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
