package com.dbay.wallet.application.port.out;

import com.dbay.wallet.domain.SignedTransfer;
import com.dbay.wallet.domain.WithdrawalPlan;

/** Reads a signed transaction someone else produced (the signer); holds no keys. */
public interface TransactionReader {

  /**
   * Decodes {@code rawHex} and checks every input's signature against the coin the plan says it
   * spends at that position. Malformed bytes are an {@code InvalidRequest}.
   */
  SignedTransfer read(String rawHex, WithdrawalPlan plan);
}
