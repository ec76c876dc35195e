package com.dbay.lambda.depositwatcher;

import java.util.Map;
import java.util.Optional;

/** The wallet-service's internal deposit API; every call is idempotent by (txid, vout). */
public interface WalletDeposits {

  /** Records an output seen on chain; empty when the address is not a user's deposit address. */
  Optional<Map<String, Object>> seen(
      String txid, int vout, String address, long koinu, String blockHash, long blockHeight);

  /**
   * Reports the deposit's depth; the wallet credits it exactly once when deep enough. Returns the
   * deposit.
   */
  Map<String, Object> confirmations(String txid, int vout, long confirmations);

  Map<String, Object> cancel(String txid, int vout);
}
