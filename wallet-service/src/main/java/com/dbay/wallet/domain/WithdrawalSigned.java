package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;

/** The signer's transaction matched a withdrawal's plan and is now its only transaction. */
public record WithdrawalSigned(
    String withdrawalId, String userId, String status, Doge amount, String address, String txid)
    implements WithdrawalEvent {}
