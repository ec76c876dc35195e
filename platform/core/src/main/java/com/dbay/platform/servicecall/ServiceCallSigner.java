package com.dbay.platform.servicecall;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs the calls one part makes to another's internal endpoints. Works with any HTTP client: add
 * the headers of {@link #headers} to the request (Spring's {@code RestClient} gets them from the
 * starter's interceptor; Lambda handlers with {@code java.net.http.HttpClient} call this directly).
 */
public final class ServiceCallSigner {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String caller;
  private final byte[] key;
  private final Clock clock;

  public ServiceCallSigner(String caller, byte[] key, Clock clock) {
    if (caller == null || caller.isBlank() || !caller.matches("[a-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("a caller name is 1-64 of [a-z0-9-], got " + caller);
    }
    if (key == null || key.length < CallerKeys.MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the key of " + caller + " must have at least " + CallerKeys.MIN_KEY_BYTES + " bytes");
    }
    this.caller = caller;
    this.key = key.clone();
    this.clock = clock;
  }

  /**
   * This caller's signer from its keys (e.g. {@code CallerKeys.fromEnvironment(System.getenv(),
   * "DBAY_SERVICE_KEYS_FILE")}).
   */
  public static ServiceCallSigner of(String caller, CallerKeys keys) {
    byte[] key =
        keys.key(caller)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no service key for "
                            + caller
                            + " (DBAY_SERVICE_KEYS_FILE, written by ./dbay up; Secrets Manager in AWS)"));
    return new ServiceCallSigner(caller, key, Clock.systemUTC());
  }

  /**
   * This caller's signer from {@code DBAY_SERVICE_KEYS_FILE} (or, without it, the variable {@code
   * DBAY_CALLER_KEY_<CALLER>} AWS sets), looked up at the first call (a Lambda handler built
   * without keys only fails when it calls; a part that calls nobody never needs one).
   */
  public static java.util.function.Supplier<ServiceCallSigner> fromEnvironment(String caller) {
    return new java.util.function.Supplier<>() {
      private volatile ServiceCallSigner signer;

      @Override
      public ServiceCallSigner get() {
        ServiceCallSigner current = signer;
        if (current == null) {
          current =
              of(
                  caller,
                  CallerKeys.fromFileOrKeyVariables(
                      System.getenv(), "DBAY_SERVICE_KEYS_FILE", null));
          signer = current;
        }
        return current;
      }
    };
  }

  public String caller() {
    return caller;
  }

  /** The headers that prove this call: method, path, raw query and body as they will be sent. */
  public Map<String, String> headers(String method, URI uri, byte[] body) {
    return headers(
        method,
        uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(),
        uri.getRawQuery(),
        body);
  }

  public Map<String, String> headers(String method, String rawPath, String rawQuery, byte[] body) {
    long now = clock.instant().getEpochSecond();
    byte[] nonceBytes = new byte[16];
    RANDOM.nextBytes(nonceBytes);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
    String signature =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                CanonicalCall.mac(
                    key, CanonicalCall.of(caller, now, nonce, method, rawPath, rawQuery, body)));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(ServiceCallHeaders.CALLER, caller);
    headers.put(ServiceCallHeaders.TIMESTAMP, Long.toString(now));
    headers.put(ServiceCallHeaders.NONCE, nonce);
    headers.put(ServiceCallHeaders.SIGNATURE, signature);
    return headers;
  }
}
