package com.douyin.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An API answer (a feed page is about 18 KB) is buffered whole before it is written: Tomcat then
 * sends it at once with its Content-Length, instead of as 8 KB chunks, each its own system call.
 * Flushes of a JSON answer are ignored for the same reason: Spring's JSON writer flushes after
 * every answer, which sent a like's 40 bytes as a chunk of their own (before the answer was
 * complete, so without Content-Length) and a terminating chunk after it, two writes instead of
 * one. A stream (the assistant's server-sent events) is flushed as it asks.
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
        chain.doFilter(request, new WholeJsonResponse(response));
    }

    /** A response whose flushes wait for the end of the answer while it is JSON. */
    private static final class WholeJsonResponse extends HttpServletResponseWrapper {

        private ServletOutputStream body;

        WholeJsonResponse(HttpServletResponse response) {
            super(response);
        }

        private boolean isJson() {
            String type = getContentType();
            return type != null && type.startsWith("application/json");
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!isJson()) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                ServletOutputStream out = super.getOutputStream();
                body = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        if (!isJson()) {
                            out.flush();
                        }
                    }

                    @Override
                    public void close() throws IOException {
                        out.close();
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return body;
        }
    }
}
