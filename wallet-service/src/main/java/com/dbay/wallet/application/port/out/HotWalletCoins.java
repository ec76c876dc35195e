package com.dbay.wallet.application.port.out;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.domain.WithdrawalId;
import com.dbay.wallet.domain.WithdrawalPlan;

/** The hot wallet's spendable coins, seen from its watch-only account key: no private key here. */
public interface HotWalletCoins {

  /**
   * Plans a withdrawal's one transaction inside its unit of work: locks available coins (skipping
   * ones another withdrawal is planning with), pays {@code amount} to the address with change to a
   * fresh change address and the fee for the exact signed size, and marks the chosen coins spent by
   * this withdrawal. Throws IllegalStateException when the hot wallet cannot pay it now (nothing
   * written).
   */
  WithdrawalPlan plan(WithdrawalId withdrawal, String address, Doge amount);

  /**
   * The plan's transaction {@code txid} is confirmed (the withdrawal settled): its change becomes
   * spendable.
   */
  void confirmed(WithdrawalPlan plan, String txid);

  HotWalletCoins NONE =
      new HotWalletCoins() {
        @Override
        public WithdrawalPlan plan(WithdrawalId withdrawal, String address, Doge amount) {
          throw new IllegalStateException(
              "the wallet tracks no hot-wallet coins here (dbay.wallet.chain.hot-wallet=false)");
        }

        @Override
        public void confirmed(WithdrawalPlan plan, String txid) {}
      };
}
