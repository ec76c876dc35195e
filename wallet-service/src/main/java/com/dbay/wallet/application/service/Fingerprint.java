package com.dbay.wallet.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an idempotent request asked for, so that a reused key with other parameters is recognised.
 */
final class Fingerprint {

  private Fingerprint() {}

  static String of(String operation, Object... parameters) {
    StringBuilder canonical = new StringBuilder(operation);
    for (Object parameter : parameters) {
      // The unit separator cannot occur in the parameters' text, so fields cannot shift into each
      // other.
      canonical.append('\u001f').append(parameter);
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static String requireKey(String key) {
    if (key == null || key.isBlank() || key.length() > 200) {
      throw new com.dbay.wallet.domain.WalletException.InvalidRequest(
          "idempotency-key-required",
          "Idempotency-Key",
          "an Idempotency-Key of 1 to 200 characters is required");
    }
    return key;
  }
}
