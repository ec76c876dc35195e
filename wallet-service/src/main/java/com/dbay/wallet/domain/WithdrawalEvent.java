package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;

/**
 * What {@link Withdrawal} records when its state changes; each event's simple name is its
 * detail-type on the bus ({@code WithdrawalSigned}), its components the detail: {@code
 * {withdrawalId, userId, status, amount, address, txid}}, amount a DOGE decimal string.
 */
public sealed interface WithdrawalEvent
    permits WithdrawalRequested,
        WithdrawalPlanned,
        WithdrawalSigned,
        WithdrawalBroadcast,
        WithdrawalStuck,
        WithdrawalCompleted,
        WithdrawalRejected {

  String withdrawalId();

  String userId();

  String status();

  Doge amount();

  String address();

  String txid();
}
