package com.douyin.gateway.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client's IP address, for per-client limits. Behind a load balancer every request comes
 * from the balancer, so {@code douyin.gateway.client-ip-header} (e.g. X-Forwarded-For) names
 * the header it writes the client's address into; only set it when such a proxy is in front, or
 * clients could pick their own address.
 */
@Component
public class ClientAddress {

    private final String header;

    public ClientAddress(@Value("${douyin.gateway.client-ip-header:}") String header) {
        this.header = header;
    }

    public String of(HttpServletRequest request) {
        if (!header.isBlank()) {
            String forwarded = request.getHeader(header);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip(); // the first hop is the client
            }
        }
        return request.getRemoteAddr();
    }
}
