package com.dbay.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A business rule said no. The one way every service refuses something: it names what kind of
 * refusal it is ({@link Kind}), a stable problem type slug clients may branch on, a human detail,
 * and optionally the fields at fault and extra members (e.g. {@code minNextBid}). It carries no
 * HTTP: the platform's web handler maps each kind to a status and writes the {@code
 * application/problem+json} document, in one place, so a feature never depends on the web layer.
 * Throwing it inside a transaction rolls the transaction back like any other runtime exception, so
 * a refused request writes nothing.
 *
 * <pre>{@code
 * throw new DomainException(Kind.CONFLICT, "auction-closed", "The auction ended at " + endsAt + ".",
 *     Map.of("endsAt", endsAt));
 * throw DomainException.notFound("Listing " + id);
 * throw DomainException.invalid("invalid-amount", "amount", "amount must be greater than zero");
 * }</pre>
 *
 * Subclass it with a domain name for rules thrown in several places (the wallet's {@code
 * WalletException.InsufficientFunds}); a subclass carries no HTTP either.
 */
public class DomainException extends RuntimeException {

  /**
   * What kind of refusal: the web adapter turns it into a status (400, 401, 403, 404, 409, 422,
   * 503).
   */
  public enum Kind {
    /** The request itself is wrong (a field's value, a missing key): fix it before retrying. */
    INVALID,
    /** Nobody we know asked. */
    UNAUTHENTICATED,
    /** We know who asked; they may not do this. */
    FORBIDDEN,
    NOT_FOUND,
    /**
     * The current state of the object does not allow it (closed, already settled, not enough
     * funds).
     */
    CONFLICT,
    /** Well formed and allowed in principle, but a rule refuses it (a limit, a reused key). */
    UNPROCESSABLE,
    /**
     * Something we depend on is not there right now; retrying later may work. Nothing was written.
     */
    UNAVAILABLE
  }

  private final Kind kind;
  private final URI type;
  private final String title;
  private final List<FieldProblem> errors;
  private final Map<String, Object> properties;

  public DomainException(Kind kind, String type, String detail) {
    this(kind, type, null, detail, List.of(), Map.of());
  }

  public DomainException(Kind kind, String type, String detail, Map<String, ?> properties) {
    this(kind, type, null, detail, List.of(), properties);
  }

  /**
   * @param type the problem type's slug, e.g. {@code "auction-closed"} ({@link ProblemTypes#of})
   * @param title a short fixed summary of the type; null takes the usual one for the kind
   * @param errors the fields at fault (the problem's {@code errors} list); may be empty
   */
  public DomainException(
      Kind kind,
      String type,
      String title,
      String detail,
      List<FieldProblem> errors,
      Map<String, ?> properties) {
    super(detail);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.type = ProblemTypes.of(Objects.requireNonNull(type, "type"));
    this.title = title;
    this.errors = List.copyOf(errors);
    this.properties = Map.copyOf(new LinkedHashMap<>(properties));
  }

  /** One field at fault: the problem lists it in {@code errors} and the detail is its message. */
  public static DomainException invalid(String type, String field, String message) {
    return new DomainException(
        Kind.INVALID, type, null, message, List.of(new FieldProblem(field, message)), Map.of());
  }

  /** Several fields at fault: a {@code validation} problem listing each. */
  public static DomainException invalid(List<FieldProblem> errors) {
    return new DomainException(
        Kind.INVALID,
        "validation",
        "Invalid request",
        "The request has invalid fields.",
        errors,
        Map.of());
  }

  public static DomainException notFound(String what) {
    return new DomainException(Kind.NOT_FOUND, "not-found", what + " was not found.");
  }

  public static DomainException conflict(String detail) {
    return new DomainException(Kind.CONFLICT, "conflict", detail);
  }

  public static DomainException forbidden(String detail) {
    return new DomainException(Kind.FORBIDDEN, "forbidden", detail);
  }

  public static DomainException unauthenticated(String detail) {
    return new DomainException(Kind.UNAUTHENTICATED, "unauthenticated", detail);
  }

  public Kind kind() {
    return kind;
  }

  public URI type() {
    return type;
  }

  /** The last segment of {@link #type()}, e.g. {@code insufficient-funds}. */
  public String slug() {
    return type.toString().substring(ProblemTypes.BASE.length());
  }

  /** The fixed summary of this problem type, or null for the kind's usual one. */
  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** The fields at fault, in the order given; empty when the refusal is not about fields. */
  public List<FieldProblem> errors() {
    return errors;
  }

  /** Extra members of the problem document, e.g. {@code Map.of("minNextBid", "12.00000000")}. */
  public Map<String, Object> properties() {
    return properties;
  }
}
