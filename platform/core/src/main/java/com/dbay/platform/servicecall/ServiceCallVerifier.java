package com.dbay.platform.servicecall;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks who is calling: the caller's key (from {@link CallerKeys}) must MAC the method, path, raw
 * query, body hash, timestamp and nonce; the timestamp must lie within the window; a nonce is
 * accepted once per window (a captured call replayed at once is refused). The reasons stay in logs;
 * a caller learns only "not authenticated".
 */
public final class ServiceCallVerifier {

  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);
  private static final int MAX_REMEMBERED = 200_000;

  private final CallerKeys keys;
  private final Clock clock;
  private final Duration window;
  private final Map<String, Long> seenNonces = new ConcurrentHashMap<>();

  public ServiceCallVerifier(CallerKeys keys, Clock clock, Duration window) {
    this.keys = keys;
    this.clock = clock;
    this.window = window;
  }

  public ServiceCallVerifier(CallerKeys keys) {
    this(keys, Clock.systemUTC(), DEFAULT_WINDOW);
  }

  /** The outcome: the proven caller, or why not (for the log, never for the caller). */
  public record Result(String caller, String failure) {
    public boolean verified() {
      return failure == null;
    }

    static Result ok(String caller) {
      return new Result(caller, null);
    }

    static Result refused(String claimed, String why) {
      return new Result(claimed, why);
    }
  }

  /** True when the request carries any of the signature headers (so it claims to be a part). */
  public static boolean claimsCaller(Function<String, String> header) {
    return header.apply(ServiceCallHeaders.CALLER) != null
        || header.apply(ServiceCallHeaders.SIGNATURE) != null;
  }

  public Result verify(
      String method,
      String rawPath,
      String rawQuery,
      byte[] body,
      Function<String, String> header) {
    String caller = header.apply(ServiceCallHeaders.CALLER);
    String timestamp = header.apply(ServiceCallHeaders.TIMESTAMP);
    String nonce = header.apply(ServiceCallHeaders.NONCE);
    String signature = header.apply(ServiceCallHeaders.SIGNATURE);
    if (caller == null || timestamp == null || nonce == null || signature == null) {
      return Result.refused(caller, "missing caller headers");
    }
    if (nonce.length() < 16 || nonce.length() > 64) {
      return Result.refused(caller, "malformed nonce");
    }
    long epochSeconds;
    try {
      epochSeconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return Result.refused(caller, "malformed timestamp");
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - epochSeconds) > window.toSeconds()) {
      return Result.refused(caller, "timestamp outside the " + window.toSeconds() + " s window");
    }
    byte[] key = keys.key(caller).orElse(null);
    if (key == null) {
      return Result.refused(caller, "unknown caller");
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return Result.refused(caller, "malformed signature");
    }
    byte[] expected =
        CanonicalCall.mac(
            key, CanonicalCall.of(caller, epochSeconds, nonce, method, rawPath, rawQuery, body));
    if (!MessageDigest.isEqual(expected, given)) {
      return Result.refused(caller, "bad signature");
    }
    // Only a correctly signed call spends its nonce, so nobody can fill the memory with made-up
    // ones.
    forgetExpired(now);
    if (seenNonces.putIfAbsent(caller + "\n" + nonce, epochSeconds) != null) {
      return Result.refused(caller, "replayed nonce");
    }
    return Result.ok(caller);
  }

  private void forgetExpired(long now) {
    if (seenNonces.size() < MAX_REMEMBERED / 2 && (now & 7) != 0) {
      return;
    }
    // A call signed before the window closed is refused by the timestamp check anyway.
    long horizon = now - window.toSeconds() - 1;
    for (Iterator<Map.Entry<String, Long>> it = seenNonces.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> entry = it.next();
      if (entry.getValue() < horizon) {
        it.remove();
      }
    }
  }
}
