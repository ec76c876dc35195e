package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;

/**
 * A withdrawal's transaction confirmed: the coins left custody and the unused fee reserve went back
 * to the user.
 */
public record WithdrawalCompleted(
    String withdrawalId, String userId, String status, Doge amount, String address, String txid)
    implements WithdrawalEvent {}
