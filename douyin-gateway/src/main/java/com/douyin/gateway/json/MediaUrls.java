package com.douyin.gateway.json;

import com.douyin.gateway.config.MediaProperties;
import org.springframework.stereotype.Component;

/** Turns stored object keys into the absolute URLs the client needs; never answers "". */
@Component
public class MediaUrls {

    private final String base;
    private final String objects;

    public MediaUrls(MediaProperties properties) {
        this.base = properties.publicBaseUrl();
        this.objects = properties.objectBaseUrl();
    }

    public String avatar(String key) {
        return key == null || key.isEmpty() ? base + "/images/default-avatar.png" : object(key);
    }

    public String backgroundImage(String key) {
        return key == null || key.isEmpty() ? base + "/images/default-background.png" : object(key);
    }

    /** The placeholder until the cover is extracted. */
    public String cover(String key) {
        return key == null || key.isEmpty() ? base + "/images/default-cover.png" : object(key);
    }

    /** A stored key, or an absolute URL kept as it is. */
    public String object(String key) {
        return key.startsWith("http://") || key.startsWith("https://") ? key : objects + "/" + key;
    }
}
