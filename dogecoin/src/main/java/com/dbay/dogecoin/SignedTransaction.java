package com.dbay.dogecoin;

import java.util.List;

/**
 * A fully signed legacy transaction: broadcast {@link #rawHex()} as it is, and re-broadcast the
 * same bytes; never re-sign with other inputs. {@code changeOutputIndex} is -1 when there is no
 * change output.
 */
public record SignedTransaction(
    String txid,
    String rawHex,
    int size,
    long fee,
    List<Utxo> inputs,
    List<Payment> payments,
    long change,
    int changeOutputIndex) {

  public SignedTransaction {
    inputs = List.copyOf(inputs);
    payments = List.copyOf(payments);
  }
}
