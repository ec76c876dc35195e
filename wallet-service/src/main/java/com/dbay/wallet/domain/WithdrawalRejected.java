package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;

/**
 * A withdrawal was refused before its coins were chosen; the reserved funds are back in the user's
 * available balance.
 */
public record WithdrawalRejected(
    String withdrawalId, String userId, String status, Doge amount, String address, String txid)
    implements WithdrawalEvent {}
