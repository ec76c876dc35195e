package com.dbay.wallet.adapter.out.persistence;

import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.events.Outbox;
import com.dbay.wallet.application.port.out.WalletEvents;
import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.Escrow;

/** The platform outbox (source {@code dbay.wallet}); amounts as DOGE decimal strings. */
public class OutboxWalletEvents implements WalletEvents {

  private final Outbox outbox;

  public OutboxWalletEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  public record DepositCredited(String userId, String txid, int vout, String amount) {}

  public record EscrowSettled(
      String orderId,
      String buyerId,
      String sellerId,
      String status,
      String amount,
      String buyerRefund,
      String sellerPayout,
      String fee) {}

  @Override
  public void depositCredited(Deposit d) {
    outbox.publish(
        "DepositCredited",
        new DepositCredited(d.user().value(), d.id().txid(), d.id().vout(), d.amount().toString()));
  }

  @Override
  public void escrowSettled(Escrow e) {
    outbox.publish(
        "EscrowSettled",
        new EscrowSettled(
            e.orderId(),
            e.buyer().value(),
            e.seller().value(),
            e.status().name(),
            e.amount().toString(),
            doge(e.buyerRefund()),
            doge(e.sellerPayout()),
            doge(e.fee())));
  }

  private static String doge(Doge money) {
    return money == null ? null : money.toString();
  }
}
