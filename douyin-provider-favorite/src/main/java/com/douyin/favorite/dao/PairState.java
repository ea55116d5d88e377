package com.douyin.favorite.dao;

/** The stored state of one (user, video) pair: liked or not, and the sequence of the change that set it. */
public record PairState(boolean liked, long changeSeq) {
}
