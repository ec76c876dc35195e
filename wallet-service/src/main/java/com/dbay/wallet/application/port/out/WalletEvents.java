package com.dbay.wallet.application.port.out;

import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.Escrow;
import com.dbay.wallet.domain.Withdrawal;

/**
 * Facts other services (notifications, orders) react to. Recorded in the current unit of work, so
 * an event exists exactly when the change it describes commits.
 */
public interface WalletEvents {

  void depositCredited(Deposit deposit);

  void withdrawalChanged(Withdrawal withdrawal);

  void escrowSettled(Escrow escrow);

  WalletEvents NONE = new WalletEvents() {
    @Override
    public void depositCredited(Deposit deposit) {}

    @Override
    public void withdrawalChanged(Withdrawal withdrawal) {}

    @Override
    public void escrowSettled(Escrow escrow) {}
  };
}
