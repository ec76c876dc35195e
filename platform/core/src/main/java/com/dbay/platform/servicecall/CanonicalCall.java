package com.dbay.platform.servicecall;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The one text both sides MAC: every part of the call that could be changed in transit. */
final class CanonicalCall {

  private static final String ALGORITHM = "HmacSHA256";

  private CanonicalCall() {}

  static String of(
      String caller,
      long epochSeconds,
      String nonce,
      String method,
      String path,
      String query,
      byte[] body) {
    // Newlines cannot occur in header values, a path or a raw query, so fields cannot shift into
    // each other.
    return String.join(
        "\n",
        "dbay-call-v1",
        caller,
        Long.toString(epochSeconds),
        nonce,
        method.toUpperCase(Locale.ROOT),
        path,
        query == null ? "" : query,
        sha256(body == null ? new byte[0] : body));
  }

  static byte[] mac(byte[] key, String canonical) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
