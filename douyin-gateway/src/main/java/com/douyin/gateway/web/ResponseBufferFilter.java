package com.douyin.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An API answer (a feed page is about 18 KB) is buffered whole before it is written: Tomcat then
 * sends it at once with its Content-Length, instead of as 8 KB chunks, each its own system call.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ResponseBufferFilter extends OncePerRequestFilter {

    static final int BUFFER_BYTES = 64 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/douyin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setBufferSize(BUFFER_BYTES);
        chain.doFilter(request, response);
    }
}
