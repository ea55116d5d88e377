package com.douyin.api.event;

/**
 * An event that consumers deduplicate by its key: the same change delivered twice (the broker and
 * the synchronous path, a retry, a relay of the journal) has one key and counts once.
 */
public interface KeyedEvent {

    String eventKey();
}
