package com.dbay.lambda.depositwatcher;

import java.util.Map;

/**
 * The chain side of deposits: follow the tip (by height and hash, surviving restarts) and judge one
 * deposit.
 */
public interface Chain {

  /**
   * Follows new blocks up to the tip; returns what it saw (height, hash, blocks, deposits,
   * rolledBack).
   */
  Map<String, Object> followTip();

  /**
   * The deposit's state now: {"confirmations", "required", "status"} with status PENDING, CREDITED
   * (the wallet credited it, once), DROPPED (its transaction is in no main-chain block), MOVED
   * (mined again in another block, which has its own workflow) or CANCELLED.
   */
  Map<String, Object> check(DepositRef deposit);

  /** Cancels a dropped deposit in the wallet (a no-op once credited or cancelled). */
  Map<String, Object> cancel(DepositRef deposit);

  /** One output to one of our addresses, as first seen in {@code blockHash}. */
  record DepositRef(String txid, int vout, String blockHash) {}
}
