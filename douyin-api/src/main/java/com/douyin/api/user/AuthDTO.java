package com.douyin.api.user;

import java.io.Serializable;

/**
 * The result of a register, login or refresh: who it is, the access token to send back, and the
 * session's next refresh token ("" if no session could be recorded, e.g. while Redis is down).
 */
public record AuthDTO(long userId, String token, String refreshToken) implements Serializable {
}
