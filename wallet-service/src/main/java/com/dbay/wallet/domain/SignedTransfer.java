package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;
import java.util.List;

/**
 * A signed transaction as the wallet reads it: the outpoints it spends (txid:vout, in order), what
 * it pays (in order; address null for a script that pays no standard address), and whether every
 * input's signature verifies against the coin it claims to spend.
 */
public record SignedTransfer(
    String txid,
    String rawHex,
    List<String> inputs,
    List<Output> outputs,
    int size,
    boolean signaturesValid) {

  public record Output(String address, Doge amount) {}

  public SignedTransfer {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }
}
