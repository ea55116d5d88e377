package com.douyin.gateway.upload;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object key of an uploaded video, {@code videos/OWNERID/UUID.EXT}: the owner is part of the
 * key, so who may publish it can be read from the key itself. Only keys of exactly this shape
 * are accepted from clients (no "..", no other folders).
 */
public record VideoObjectKey(long ownerId, UUID name, VideoContainer container) {

    private static final Pattern SHAPE = Pattern.compile(
            "videos/(\\d{1,18})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([a-z0-9]+)");

    public static VideoObjectKey issue(long ownerId, VideoContainer container) {
        return new VideoObjectKey(ownerId, UUID.randomUUID(), container);
    }

    /** The key a client sent back; BAD_REQUEST if it is not one this server issues. */
    public static VideoObjectKey parse(String key) {
        Matcher m = SHAPE.matcher(key == null ? "" : key);
        VideoContainer container = m.matches() ? VideoContainer.ofExtension(m.group(3)).orElse(null) : null;
        if (container == null) {
            throw new DouyinException(ErrorCode.BAD_REQUEST,
                    "object_key is not a key this server issued: ask GET /douyin/upload/token/ for one.");
        }
        return new VideoObjectKey(Long.parseLong(m.group(1)), UUID.fromString(m.group(2)), container);
    }

    @Override
    public String toString() {
        return "videos/" + ownerId + "/" + name + "." + container.extension();
    }
}
