package com.douyin.common.id;

/** Where a generator gets its worker ID: it must be unique among live instances of a service. */
public interface WorkerIdSource {

    /** The worker ID to stamp now; throws if this instance no longer holds a valid one. */
    int currentWorkerId();

    /** The last timestamp an earlier holder of this worker ID reported, or 0. */
    long lastIssuedTimestamp();
}
