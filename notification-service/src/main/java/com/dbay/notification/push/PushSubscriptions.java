package com.dbay.notification.push;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.FieldProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The browsers each user allowed to receive pushes. A subscription is what the browser's {@code
 * PushSubscription.toJSON()} gives: the push service's endpoint and the keys of RFC 8291 ({@code
 * p256dh}: the browser's P-256 public key, {@code auth}: a 16-byte secret), checked before anything
 * is stored.
 */
@Service
public class PushSubscriptions {

  public record Subscription(
      UUID id, String userId, String endpoint, String p256dh, String auth, Instant createdAt) {}

  private static final int MAX_ENDPOINT = 2048;

  private final PushStore store;
  private final PushProperties properties;
  private final Clock clock;

  PushSubscriptions(PushStore store, PushProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Saves the caller's subscription (again: same row; an endpoint another user had subscribed moves
   * to the caller, since an endpoint is one browser profile and they are the one signed in there).
   */
  @Transactional
  public Subscription subscribe(String userId, String endpoint, String p256dh, String auth) {
    List<FieldProblem> problems = new ArrayList<>();
    checkEndpoint(endpoint, problems);
    byte[] key = decode(p256dh, "keys.p256dh", problems);
    if (key != null && (key.length != 65 || key[0] != 4 || !onCurve(key))) {
      problems.add(
          new FieldProblem(
              "keys.p256dh", "must be a P-256 public key (65 bytes uncompressed, base64url)"));
    }
    byte[] secret = decode(auth, "keys.auth", problems);
    if (secret != null && secret.length != 16) {
      problems.add(new FieldProblem("keys.auth", "must be 16 bytes (base64url)"));
    }
    if (!problems.isEmpty()) {
      throw DomainException.invalid(problems);
    }
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return store.save(
        userId, endpoint, b64.encodeToString(key), b64.encodeToString(secret), clock.instant());
  }

  /**
   * @return false when the caller has no subscription with this endpoint (another user's stays)
   */
  @Transactional
  public boolean unsubscribe(String userId, String endpoint) {
    return store.delete(userId, endpoint);
  }

  public List<Subscription> of(String userId) {
    return store.of(userId);
  }

  /** A subscription the push service called gone (404/410): its queued pushes go with it. */
  public void forget(UUID id) {
    store.delete(id);
  }

  /** Whether the host is one of the allowed push services (or any host, when none are listed). */
  private boolean knownPushService(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    List<String> allowed =
        properties.allowedHosts().stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
    return allowed.isEmpty()
        || allowed.stream()
            .map(a -> a.toLowerCase(Locale.ROOT))
            .anyMatch(a -> h.equals(a) || h.endsWith("." + a));
  }

  private void checkEndpoint(String endpoint, List<FieldProblem> problems) {
    if (endpoint == null || endpoint.isBlank()) {
      problems.add(new FieldProblem("endpoint", "is required"));
      return;
    }
    if (endpoint.length() > MAX_ENDPOINT) {
      problems.add(new FieldProblem("endpoint", "must be at most " + MAX_ENDPOINT + " characters"));
      return;
    }
    try {
      URI uri = new URI(endpoint);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean allowed = scheme.equals("https") || (properties.allowHttp() && scheme.equals("http"));
      if (!allowed || uri.getHost() == null || uri.getUserInfo() != null) {
        problems.add(
            new FieldProblem(
                "endpoint",
                properties.allowHttp()
                    ? "must be an https or http URL"
                    : "must be an https URL of a push service"));
      } else if (!knownPushService(uri.getHost())) {
        problems.add(new FieldProblem("endpoint", "must be the URL of a browser's push service"));
      }
    } catch (URISyntaxException e) {
      problems.add(new FieldProblem("endpoint", "is not a URL"));
    }
  }

  private static byte[] decode(String value, String field, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "is required"));
      return null;
    }
    try {
      // Browsers give base64url without padding; accept padded and standard base64 too.
      String url = value.trim().replace('+', '-').replace('/', '_').replaceAll("=+$", "");
      return Base64.getUrlDecoder().decode(url);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(field, "is not base64url"));
      return null;
    }
  }

  /** Whether the 65 bytes are a point of P-256 (the JDK refuses a point off the curve). */
  private static boolean onCurve(byte[] key) {
    try {
      AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
      params.init(new ECGenParameterSpec("secp256r1"));
      ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
      java.math.BigInteger x = new java.math.BigInteger(1, Arrays.copyOfRange(key, 1, 33));
      java.math.BigInteger y = new java.math.BigInteger(1, Arrays.copyOfRange(key, 33, 65));
      java.math.BigInteger p = ((java.security.spec.ECFieldFp) spec.getCurve().getField()).getP();
      java.math.BigInteger a = spec.getCurve().getA();
      java.math.BigInteger b = spec.getCurve().getB();
      if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
        return false;
      }
      boolean on =
          y.modPow(java.math.BigInteger.TWO, p).equals(x.pow(3).add(a.multiply(x)).add(b).mod(p));
      if (on) {
        KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
      }
      return on;
    } catch (java.security.GeneralSecurityException e) {
      return false;
    }
  }
}
