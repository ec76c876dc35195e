package com.dbay.dogecoin;

import java.util.Objects;

/**
 * An unspent P2PKH output the wallet controls. {@code path} says which key signs it (null only when
 * the caller signs with its own key lookup).
 */
public record Utxo(String txid, int vout, long value, DogecoinAddress address, Bip44Path path) {

  public Utxo {
    Objects.requireNonNull(txid, "txid");
    Objects.requireNonNull(address, "address");
    if (!txid.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("txid must be 64 hex characters");
    }
    txid = txid.toLowerCase(java.util.Locale.ROOT);
    if (vout < 0 || value <= 0) {
      throw new IllegalArgumentException("vout must be non-negative and value positive");
    }
    if (address.type() != DogecoinAddress.Type.P2PKH) {
      throw new IllegalArgumentException("only P2PKH outputs can be spent");
    }
  }

  public String outpoint() {
    return txid + ":" + vout;
  }
}
