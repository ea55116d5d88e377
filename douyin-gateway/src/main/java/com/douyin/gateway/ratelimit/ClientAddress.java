package com.douyin.gateway.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client's IP address, for per-client limits. Behind a load balancer every request comes from
 * the balancer, which writes the address it saw into a header ({@code douyin.gateway.client-ip-header},
 * e.g. X-Forwarded-For, appending to what the client sent). The header is believed only on a
 * connection from a trusted proxy ({@code douyin.gateway.trusted-proxies}: addresses and CIDR
 * ranges), and then read from the right: the right-most address that is not a trusted proxy is the
 * client, since everything to its left was written by the client itself. With no trusted proxy
 * configured (the default) the header is ignored and the connection's address is the client's.
 */
@Component
public class ClientAddress {

    private final String header;
    private final List<AddressRange> trustedProxies;

    public ClientAddress(@Value("${douyin.gateway.client-ip-header:X-Forwarded-For}") String header,
                         @Value("${douyin.gateway.trusted-proxies:}") List<String> trustedProxies) {
        this.header = header;
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(AddressRange::parse).toList();
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (header.isBlank() || !trusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeader(header);
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!AddressRange.isAddress(hop)) {
                return peer; // a trusted proxy writes addresses: this part is not one of theirs
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops[0].strip(); // every hop a proxy of ours: the first is where the request began
    }

    private boolean trusted(String address) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
