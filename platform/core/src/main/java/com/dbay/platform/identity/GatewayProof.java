package com.dbay.platform.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that a request came through the gateway: an HMAC-SHA256, keyed by a secret shared only by
 * the gateway (or the Lambda authorizer) and the services, over the identity headers, the method,
 * the request target (path and query) and a timestamp. A request sent straight to a service port
 * cannot forge it, and a captured one cannot be replayed for another user, another path, another
 * query or after the skew window.
 *
 * <p>The target is {@code rawPath[?rawQuery]}. The path is signed byte for byte; the query is
 * canonicalised first (pairs percent-decoded, {@code +} read as a space, re-encoded strictly per
 * RFC 3986, sorted by name then value, empty pieces dropped), because the two signers see it in
 * different shapes: the gateway as the raw string it forwards, the Lambda authorizer as API
 * Gateway's already-decoded parameter map (see {@link #target(String, Map)}). Any change to a name
 * or a value changes the proof; only reordering, which no endpoint gives meaning to, does not.
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

  /**
   * The signature the gateway sends in {@link IdentityHeaders#PROOF_SIGNATURE}; {@code target} is
   * the raw path followed, when the request has one, by {@code ?} and the raw query.
   */
  public String sign(Identity identity, String method, String target, long epochSeconds) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac(canonical(identity, method, target, epochSeconds)));
  }

  /**
   * {@code rawPath?rawQuery}, or the path alone when the query is null or empty (servlet style).
   */
  public static String target(String rawPath, String rawQuery) {
    return rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
  }

  /**
   * The target of a request whose query is known only decoded, as API Gateway hands it to an
   * authorizer ({@code multiValueQueryStringParameters}); it canonicalises exactly as the raw query
   * the service receives.
   */
  public static String target(
      String rawPath, Map<String, ? extends Collection<String>> decodedQuery) {
    if (decodedQuery == null || decodedQuery.isEmpty()) {
      return rawPath;
    }
    List<String> pairs = new ArrayList<>();
    decodedQuery.forEach(
        (name, values) -> {
          if (values == null || values.isEmpty()) {
            pairs.add(encode(name) + "=");
          } else {
            values.forEach(v -> pairs.add(encode(name) + "=" + encode(v == null ? "" : v)));
          }
        });
    return target(rawPath, String.join("&", pairs));
  }

  /** The canonical form of a raw query string (see the class comment); empty for none. */
  static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String piece : rawQuery.split("&")) {
      if (piece.isEmpty()) {
        continue;
      }
      int eq = piece.indexOf('=');
      String name = eq < 0 ? piece : piece.substring(0, eq);
      String value = eq < 0 ? "" : piece.substring(eq + 1);
      pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
    }
    pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    StringBuilder out = new StringBuilder();
    for (String[] pair : pairs) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(pair[0]).append('=').append(pair[1]);
    }
    return out.toString();
  }

  /**
   * Form-style decoding; a malformed escape keeps the text as it is rather than failing, so a
   * broken query is still signed and verified the same way on both sides.
   */
  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /** RFC 3986 unreserved characters stay, everything else is %XX of its UTF-8 bytes. */
  private static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  public long now() {
    return clock.instant().getEpochSecond();
  }

  /**
   * The identity, if the signature matches and the timestamp is within the skew window; empty for
   * anything else (missing, malformed, stale or forged), so that callers cannot tell which.
   */
  public Optional<Identity> verify(
      Identity claimed, String method, String target, String timestamp, String signature) {
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
    byte[] expected = mac(canonical(claimed, method, target, epochSeconds));
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return MessageDigest.isEqual(expected, given) ? Optional.of(claimed) : Optional.empty();
  }

  private static String canonical(
      Identity identity, String method, String target, long epochSeconds) {
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : canonicalQuery(target.substring(question + 1));
    // Newlines cannot occur in header values or in an encoded query, so the fields cannot be
    // shifted into each other.
    return String.join(
        "\n",
        "v2",
        Long.toString(epochSeconds),
        method.toUpperCase(java.util.Locale.ROOT),
        path,
        query,
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
