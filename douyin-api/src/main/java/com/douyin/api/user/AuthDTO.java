package com.douyin.api.user;

import java.io.Serializable;

/** The result of a register or login: who it is and the access token to send back. */
public record AuthDTO(long userId, String token) implements Serializable {
}
