package com.dbay.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A business rule said no. The platform's error handler turns it into an
 * {@code application/problem+json} response with this status, type, title and detail, plus any
 * extra properties (e.g. {@code minNextBid}). Throwing it inside a transaction rolls the
 * transaction back like any other runtime exception, so a refused request writes nothing.
 *
 * <pre>{@code
 * throw new DomainException(409, ProblemTypes.of("auction-closed"), "Auction closed",
 *     "The auction ended at " + endsAt + ".");
 * }</pre>
 *
 * Subclass it for rules that are thrown in several places.
 */
public class DomainException extends RuntimeException {

  private final int status;
  private final URI type;
  private final String title;
  private final Map<String, Object> properties;

  public DomainException(int status, URI type, String title, String detail) {
    this(status, type, title, detail, Map.of());
  }

  public DomainException(int status, URI type, String title, String detail, Map<String, ?> properties) {
    super(detail);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a problem status is 4xx or 5xx, not " + status);
    }
    this.status = status;
    this.type = Objects.requireNonNull(type, "type");
    this.title = Objects.requireNonNull(title, "title");
    this.properties = Map.copyOf(new LinkedHashMap<>(properties));
  }

  public static DomainException notFound(String what) {
    return new DomainException(404, ProblemTypes.NOT_FOUND, "Not found", what + " was not found.");
  }

  public static DomainException conflict(String detail) {
    return new DomainException(409, ProblemTypes.CONFLICT, "Conflict", detail);
  }

  public static DomainException forbidden(String detail) {
    return new DomainException(403, ProblemTypes.FORBIDDEN, "Forbidden", detail);
  }

  public int status() {
    return status;
  }

  public URI type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** Extra members of the problem document, e.g. {@code Map.of("minNextBid", "12.00000000")}. */
  public Map<String, Object> properties() {
    return properties;
  }
}
