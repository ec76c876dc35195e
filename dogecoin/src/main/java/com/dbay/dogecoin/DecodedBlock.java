package com.dbay.dogecoin;

import java.util.List;

/**
 * A parsed block. {@code hash} is the double SHA-256 of the 80-byte header (Dogecoin's block id;
 * its proof of work is scrypt, which this library does not check). {@code auxPow} is true for
 * merge-mined blocks.
 */
public record DecodedBlock(
    String hash,
    long version,
    String previousBlockHash,
    String merkleRoot,
    long time,
    long bits,
    long nonce,
    boolean auxPow,
    List<DecodedTransaction> transactions,
    int size) {

  public DecodedBlock {
    transactions = List.copyOf(transactions);
  }
}
