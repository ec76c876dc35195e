package com.dbay.wallet.adapter.out.persistence;

import com.dbay.platform.starter.events.Outbox;
import com.dbay.wallet.application.port.out.WalletEvents;
import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.Escrow;
import com.dbay.platform.money.Doge;
import com.dbay.wallet.domain.Withdrawal;

/** The platform outbox (source {@code dbay.wallet}); amounts as DOGE decimal strings. */
public class OutboxWalletEvents implements WalletEvents {

  private final Outbox outbox;

  public OutboxWalletEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  public record DepositCredited(String userId, String txid, int vout, String amount) {}

  public record WithdrawalChanged(String withdrawalId, String userId, String status, String amount, String address, String txid) {}

  public record EscrowSettled(String orderId, String buyerId, String sellerId, String status, String amount, String buyerRefund, String sellerPayout,
      String fee) {}

  @Override
  public void depositCredited(Deposit d) {
    outbox.publish("DepositCredited", new DepositCredited(d.user().value(), d.id().txid(), d.id().vout(), d.amount().toString()));
  }

  @Override
  public void withdrawalChanged(Withdrawal w) {
    outbox.publish("Withdrawal" + statusWord(w.status()), new WithdrawalChanged(w.id().toString(), w.user().value(), w.status().name(),
        w.amount().toString(), w.address(), w.txid()));
  }

  @Override
  public void escrowSettled(Escrow e) {
    outbox.publish("EscrowSettled", new EscrowSettled(e.orderId(), e.buyer().value(), e.seller().value(), e.status().name(),
        e.amount().toString(), doge(e.buyerRefund()), doge(e.sellerPayout()), doge(e.fee())));
  }

  private static String statusWord(Withdrawal.Status status) {
    return switch (status) {
      case PENDING_APPROVAL, APPROVED -> "Requested";
      case PLANNED -> "Planned";
      case SIGNED -> "Signed";
      case STUCK -> "Stuck";
      case BROADCAST -> "Broadcast";
      case COMPLETED -> "Completed";
      case REJECTED -> "Rejected";
    };
  }

  private static String doge(Doge money) {
    return money == null ? null : money.toString();
  }
}
