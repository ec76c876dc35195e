package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;

/**
 * A withdrawal's signed transaction was handed to the network (the first time; re-broadcasts record
 * nothing).
 */
public record WithdrawalBroadcast(
    String withdrawalId, String userId, String status, Doge amount, String address, String txid)
    implements WithdrawalEvent {}
