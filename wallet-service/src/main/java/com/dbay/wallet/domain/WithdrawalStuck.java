package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;

/**
 * A withdrawal's transaction has not confirmed for too long: an operator should look (it is still
 * watched and re-broadcast).
 */
public record WithdrawalStuck(
    String withdrawalId, String userId, String status, Doge amount, String address, String txid)
    implements WithdrawalEvent {}
