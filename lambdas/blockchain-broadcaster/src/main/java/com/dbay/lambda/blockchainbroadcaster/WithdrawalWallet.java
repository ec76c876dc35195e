package com.dbay.lambda.blockchainbroadcaster;

import java.util.Map;

/**
 * The wallet-service's internal withdrawal endpoints the workflow needs. The wallet holds no keys.
 */
public interface WithdrawalWallet {

  /**
   * The withdrawal's one plan, made and stored by the wallet on the first call and the same on
   * every later one: {"id", "status", "plan": {"inputs": [{"txid", "vout", "amount", "address",
   * "path", "chain", "index"}], "outputs": [{"address", "amount", "change", "changeIndex"}], "fee",
   * "size"}, "txid", "rawTransaction"} (DOGE decimal strings; {@code plan} null while the
   * withdrawal waits for an admin, {@code rawTransaction} null until a signature was accepted).
   */
  Map<String, Object> plan(String withdrawalId);

  /**
   * Submits the signed transaction of the plan; the answer is the withdrawal with its one accepted
   * transaction (the same shape as {@link #plan}). Another transaction already accepted: {@link
   * Conflict}.
   */
  Map<String, Object> recordSignature(String withdrawalId, String rawTransaction);

  /**
   * Settles once the transaction has {@code confirmations}; {"status"} is COMPLETED then, unchanged
   * before.
   */
  Map<String, Object> settle(String withdrawalId, int confirmations);

  /** Flags the withdrawal STUCK (once); {"status"}. */
  Map<String, Object> flagStuck(String withdrawalId, int unconfirmedPolls);

  /**
   * The wallet answered 409: the withdrawal already has another state (e.g. another accepted
   * signature).
   */
  final class Conflict extends IllegalStateException {
    public Conflict(String message) {
      super(message);
    }
  }
}
