package com.dbay.wallet.application.port.out;

import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.Escrow;

/**
 * Facts other services (notifications, orders) react to. Recorded in the current unit of work, so
 * an event exists exactly when the change it describes commits. A withdrawal records its own events
 * ({@link com.dbay.wallet.domain.WithdrawalEvent}); its repository publishes them.
 */
public interface WalletEvents {

  void depositCredited(Deposit deposit);

  void escrowSettled(Escrow escrow);

  WalletEvents NONE =
      new WalletEvents() {
        @Override
        public void depositCredited(Deposit deposit) {}

        @Override
        public void escrowSettled(Escrow escrow) {}
      };
}
