package com.dbay.dogecoin.rpc;

/**
 * {@code getblockheader}. {@code confirmations} is -1 for a block no longer on the main chain
 * (after a reorg); {@code nextBlockHash} is null at the tip.
 */
public record BlockHeaderInfo(
    String hash,
    long height,
    long confirmations,
    String previousBlockHash,
    String nextBlockHash,
    long time,
    String merkleRoot) {

  public boolean onMainChain() {
    return confirmations >= 0;
  }
}
