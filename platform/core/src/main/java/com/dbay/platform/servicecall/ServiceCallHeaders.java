package com.dbay.platform.servicecall;

/** The headers a signed internal call carries. */
public final class ServiceCallHeaders {

  /** The calling part's name, e.g. {@code auction-service}, {@code deposit-watcher}. */
  public static final String CALLER = "X-Dbay-Caller";

  /** Epoch seconds when the call was signed. */
  public static final String TIMESTAMP = "X-Dbay-Caller-Timestamp";

  /** A random value used once: a captured call cannot be replayed within the window. */
  public static final String NONCE = "X-Dbay-Caller-Nonce";

  /** Base64url HMAC-SHA256 of the canonical call, keyed by the caller's own key. */
  public static final String SIGNATURE = "X-Dbay-Caller-Signature";

  private ServiceCallHeaders() {}
}
