package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;

/** A withdrawal's one transaction is fixed: coins, outputs and fee. */
public record WithdrawalPlanned(
    String withdrawalId, String userId, String status, Doge amount, String address, String txid)
    implements WithdrawalEvent {}
