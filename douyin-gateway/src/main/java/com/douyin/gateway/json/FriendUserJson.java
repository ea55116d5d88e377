package com.douyin.gateway.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The contract's FriendUser: every User field, plus the latest message between the viewer and
 * this friend ("" if none) and {@code msgType} (0: the viewer received it, 1: sent it). The
 * client reads msgType in camel case, unlike every other field.
 */
public record FriendUserJson(@JsonUnwrapped UserJson user, String message, @JsonProperty("msgType") int msgType) {
}
