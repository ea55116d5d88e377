package com.douyin.gateway.auth;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.common.auth.AccessTokens;
import com.douyin.gateway.web.RequestParams;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Who is asking: the user of the {@code token} parameter, checked locally (no RPC).
 * A missing or empty token is an anonymous viewer; an invalid or expired one is an error even
 * where login is optional, as the contract says.
 */
@Component
public class ViewerAuthenticator {

    private final AccessTokens tokens;

    public ViewerAuthenticator(AccessTokens tokens) {
        this.tokens = tokens;
    }

    public OptionalLong optionalViewer(HttpServletRequest request) {
        String token = RequestParams.optional(request, "token");
        if (token == null || token.isBlank()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(tokens.verify(token.strip()));
    }

    /** The user of a token given outside a request parameter (a WebSocket handshake); throws if invalid. */
    public long verify(String token) {
        if (token == null || token.isBlank()) {
            throw new DouyinException(ErrorCode.LOGIN_REQUIRED);
        }
        return tokens.verify(token.strip());
    }

    public long requireViewer(HttpServletRequest request) {
        return optionalViewer(request).orElseThrow(() -> new DouyinException(ErrorCode.LOGIN_REQUIRED));
    }
}
