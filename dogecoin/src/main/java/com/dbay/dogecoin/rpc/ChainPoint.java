package com.dbay.dogecoin.rpc;

/** A block by height and hash: where a chain follower stands. */
public record ChainPoint(long height, String hash) {}
