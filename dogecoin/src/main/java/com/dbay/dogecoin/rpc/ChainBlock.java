package com.dbay.dogecoin.rpc;

import com.dbay.dogecoin.DecodedTransaction;
import java.util.List;

/**
 * A block with its transactions decoded. {@code confirmations} is -1 when it is no longer on the
 * main chain.
 */
public record ChainBlock(
    String hash,
    long height,
    long confirmations,
    String previousBlockHash,
    long time,
    List<DecodedTransaction> transactions) {

  public ChainBlock {
    transactions = List.copyOf(transactions);
  }
}
