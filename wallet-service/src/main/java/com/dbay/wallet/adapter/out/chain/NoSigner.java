package com.dbay.wallet.adapter.out.chain;

import com.dbay.wallet.application.port.out.TransactionSigner;
import com.dbay.wallet.domain.Money;
import com.dbay.wallet.domain.WithdrawalId;

/**
 * Stands in for the signer until the wallet tracks the hot wallet's UTXOs (inputs to spend):
 * withdrawals can be requested, approved and rejected; signing answers 503 and changes nothing.
 */
public class NoSigner implements TransactionSigner {

  @Override
  public SignedTransaction sign(WithdrawalId withdrawal, String address, Money amount, Money maxFee) {
    throw new IllegalStateException("no withdrawal signer is configured for the wallet");
  }
}
