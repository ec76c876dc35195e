package com.dbay.dogecoin;

import java.util.List;

/**
 * A parsed transaction in the terms the wallet needs. Amounts in koinu; txids in the usual
 * (reversed) hex.
 */
public record DecodedTransaction(
    String txid,
    long version,
    List<Input> inputs,
    List<Output> outputs,
    long lockTime,
    int size,
    String hex) {

  public record Input(
      String prevTxid, long prevVout, String scriptSigHex, long sequence, boolean coinbase) {}

  /** {@code address} is null when the script pays to no standard address. */
  public record Output(int index, long value, String scriptPubKeyHex, DogecoinAddress address) {}

  public DecodedTransaction {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  public boolean isCoinbase() {
    return inputs.size() == 1 && inputs.getFirst().coinbase();
  }

  public long outputTotal() {
    return outputs.stream().mapToLong(Output::value).sum();
  }
}
