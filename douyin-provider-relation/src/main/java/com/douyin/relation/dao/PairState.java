package com.douyin.relation.dao;

/** The stored state of one (follower, followee) pair: following or not, and the sequence of the change that set it. */
public record PairState(boolean following, long changeSeq) {
}
