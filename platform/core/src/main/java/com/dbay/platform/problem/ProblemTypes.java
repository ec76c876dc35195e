package com.dbay.platform.problem;

import java.net.URI;

/**
 * The stable {@code type} URIs of DBay's problem documents. Clients branch on these, never on
 * {@code title} or {@code detail}, so a URI once published is never renamed. A service adds its own
 * with {@link #of(String)}, e.g. {@code ProblemTypes.of("insufficient-funds")}.
 */
public final class ProblemTypes {

  public static final String BASE = "https://dbay.dev/problems/";

  /** Bean validation or parameter binding failed; the body has an {@code errors} list. */
  public static final URI VALIDATION = of("validation");

  /** The body could not be read: malformed JSON, wrong JSON type for a field, bad amount text. */
  public static final URI MALFORMED_REQUEST = of("malformed-request");

  public static final URI NOT_FOUND = of("not-found");
  public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
  public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
  public static final URI NOT_ACCEPTABLE = of("not-acceptable");
  public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
  public static final URI CONFLICT = of("conflict");
  public static final URI UNAUTHORIZED = of("unauthorized");
  public static final URI FORBIDDEN = of("forbidden");

  /** A request that needs an {@code Idempotency-Key} came without one, or with an unusable one. */
  public static final URI IDEMPOTENCY_KEY_REQUIRED = of("idempotency-key-required");

  /** The {@code Idempotency-Key} was used before for a different request (422). */
  public static final URI IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused");

  /** The first request with this {@code Idempotency-Key} is still running (409); retry later. */
  public static final URI IDEMPOTENCY_KEY_IN_PROGRESS = of("idempotency-key-in-progress");

  /** Anything unexpected: the detail never carries internals. */
  public static final URI INTERNAL = of("internal");

  public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");

  private ProblemTypes() {}

  public static URI of(String slug) {
    if (slug == null || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException(
          "problem slugs are lowercase words joined by '-': " + slug);
    }
    return URI.create(BASE + slug);
  }
}
