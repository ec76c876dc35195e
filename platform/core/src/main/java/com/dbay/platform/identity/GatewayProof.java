package com.dbay.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that a request came through the gateway: an HMAC-SHA256, keyed by a secret shared only by
 * the gateway (or the Lambda authorizer) and the services, over the identity headers, the method,
 * the path and a timestamp. A request sent straight to a service port cannot forge it, and a
 * captured one cannot be replayed for another user, another path or after the skew window.
 */
public final class GatewayProof {

  public static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(60);
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Clock clock;
  private final Duration maxSkew;

  public GatewayProof(String secret, Clock clock, Duration maxSkew) {
    if (secret == null || secret.length() < 32) {
      throw new IllegalArgumentException("the gateway secret must be at least 32 characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = clock;
    this.maxSkew = maxSkew;
  }

  public GatewayProof(String secret) {
    this(secret, Clock.systemUTC(), DEFAULT_MAX_SKEW);
  }

  /** The signature the gateway sends in {@link IdentityHeaders#PROOF_SIGNATURE}. */
  public String sign(Identity identity, String method, String path, long epochSeconds) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(canonical(identity, method, path, epochSeconds)));
  }

  public long now() {
    return clock.instant().getEpochSecond();
  }

  /**
   * The identity, if the signature matches and the timestamp is within the skew window; empty for
   * anything else (missing, malformed, stale or forged), so that callers cannot tell which.
   */
  public Optional<Identity> verify(Identity claimed, String method, String path, String timestamp, String signature) {
    if (claimed == null || timestamp == null || signature == null) {
      return Optional.empty();
    }
    long epochSeconds;
    try {
      epochSeconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (Math.abs(now() - epochSeconds) > maxSkew.toSeconds()) {
      return Optional.empty();
    }
    byte[] expected = mac(canonical(claimed, method, path, epochSeconds));
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return MessageDigest.isEqual(expected, given) ? Optional.of(claimed) : Optional.empty();
  }

  private static String canonical(Identity identity, String method, String path, long epochSeconds) {
    // Newlines cannot occur in header values, so the fields cannot be shifted into each other.
    return String.join(
        "\n",
        "v1",
        Long.toString(epochSeconds),
        method.toUpperCase(java.util.Locale.ROOT),
        path,
        identity.userId(),
        identity.cognitoSub(),
        identity.username(),
        identity.email(),
        String.join(",", new TreeSet<>(identity.roles())));
  }

  private byte[] mac(String canonical) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
