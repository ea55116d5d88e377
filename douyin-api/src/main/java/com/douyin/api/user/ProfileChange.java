package com.douyin.api.user;

import java.io.Serializable;

/**
 * What a profile edit changes; null leaves a field as it is. {@code avatar} and
 * {@code backgroundImage} are object keys of images the gateway has stored and checked.
 */
public record ProfileChange(String name, String signature, String avatar, String backgroundImage) implements Serializable {

    public boolean isEmpty() {
        return name == null && signature == null && avatar == null && backgroundImage == null;
    }
}
