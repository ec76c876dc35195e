package com.dbay.wallet.domain;

/** A user's deposit address at m/44'/3'/0'/0/{index}; one per user, an index is never reused. */
public record DepositAddress(UserId user, long index, String address, String network) {}
