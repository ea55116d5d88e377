package com.douyin.gateway.json;

import java.util.List;

/**
 * An answer's JSON already written, in parts that are sent one after the other as they are
 * (JsonPartsConverter): a page joined from JSON kept per video is not copied into one array first
 * (that array was a third of the gateway's allocation on deep feed pages).
 */
public record JsonParts(List<byte[]> parts, int length) {

    public static JsonParts of(List<byte[]> parts) {
        return new JsonParts(parts, parts.stream().mapToInt(part -> part.length).sum());
    }
}
