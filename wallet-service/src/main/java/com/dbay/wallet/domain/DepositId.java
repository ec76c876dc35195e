package com.dbay.wallet.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** A transaction output on chain: the natural key that makes crediting a deposit happen once. */
public record DepositId(String txid, int vout) {

  private static final Pattern TXID = Pattern.compile("[0-9a-f]{64}");

  public DepositId {
    txid = txid == null ? null : txid.toLowerCase(Locale.ROOT);
    if (txid == null || !TXID.matcher(txid).matches()) {
      throw new WalletException.InvalidRequest(
          "invalid-txid", "txid", "txid must be 64 hex characters");
    }
    if (vout < 0) {
      throw new WalletException.InvalidRequest("invalid-vout", "vout", "vout must not be negative");
    }
  }

  @Override
  public String toString() {
    return txid + ":" + vout;
  }
}
