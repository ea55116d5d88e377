package com.douyin.api.event;

/**
 * A switch of one (owner, member) pair (a user likes a video, a follower follows a user), +1 on
 * and -1 off. {@code sequence} orders the changes of one pair: the later one decides the stored
 * state, whatever order they arrive in.
 */
public interface PairChange extends KeyedEvent {

    long ownerId();

    long memberId();

    int delta();

    long sequence();
}
