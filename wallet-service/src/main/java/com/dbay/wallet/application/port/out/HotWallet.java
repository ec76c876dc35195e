package com.dbay.wallet.application.port.out;

import com.dbay.wallet.domain.Deposit;

/** Learns about coins the platform can spend. */
public interface HotWallet {

  /**
   * A deposit was credited: its output (at deposit address index {@code derivationIndex}) becomes
   * spendable.
   */
  void credited(Deposit deposit, long derivationIndex);

  HotWallet NONE = (deposit, derivationIndex) -> {};
}
