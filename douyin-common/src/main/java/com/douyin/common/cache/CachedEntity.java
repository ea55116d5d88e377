package com.douyin.common.cache;

/**
 * The entities cached as a {@link SplitEntityCache}, by their key prefix. The owner of an entity
 * caches it; the like and comment Lua scripts of other providers move single counter fields of
 * its counters hash in place (a like moves video favorite_count), so they name that hash here.
 */
public enum CachedEntity {
    USER("user"),
    VIDEO("video");

    private final String prefix;

    CachedEntity(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public String infoKey(long id) {
        return prefix + ":info:" + id;
    }

    public String countersKey(long id) {
        return prefix + ":counters:" + id;
    }
}
