package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;

/**
 * A withdrawal was requested by its owner (status APPROVED, or PENDING_APPROVAL above the approval
 * threshold), and again when an admin approves it (status APPROVED): the bus rule starts the
 * WithdrawalWorkflow on APPROVED.
 */
public record WithdrawalRequested(
    String withdrawalId, String userId, String status, Doge amount, String address, String txid)
    implements WithdrawalEvent {}
