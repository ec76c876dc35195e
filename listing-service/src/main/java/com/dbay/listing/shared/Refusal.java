package com.dbay.listing.shared;

import java.util.List;

/**
 * A business rule of the listing service said no. It carries what went wrong in domain terms (a
 * {@link Kind} and, for invalid input, the offending fields); the web adapter decides the HTTP status.
 * Thrown inside a transaction it rolls the whole change back, so a refused request writes nothing.
 */
public class Refusal extends RuntimeException {

  public enum Kind {
    /** The object does not exist, or the caller may not know that it does. */
    NOT_FOUND,
    /** The caller is known but may not do this to this object. */
    NOT_ALLOWED,
    /** The request is well-formed but breaks a rule about its content (named fields). */
    INVALID,
    /** The object's state does not allow this now (e.g. ending a listing with bids). */
    WRONG_STATE
  }

  /** One offending field, named as the client sent it (e.g. {@code itemSpecifics.Brand}). */
  public record FieldError(String field, String message) {}

  private final Kind kind;
  private final String code;
  private final List<FieldError> errors;

  public Refusal(Kind kind, String code, String detail, List<FieldError> errors) {
    super(detail);
    this.kind = kind;
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  public static Refusal notFound(String what) {
    return new Refusal(Kind.NOT_FOUND, "not-found", what + " was not found.", List.of());
  }

  public static Refusal notAllowed(String detail) {
    return new Refusal(Kind.NOT_ALLOWED, "forbidden", detail, List.of());
  }

  public static Refusal invalid(List<FieldError> errors) {
    String detail = errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " fields are invalid: " + String.join(", ", errors.stream().map(FieldError::field).toList());
    return new Refusal(Kind.INVALID, "invalid-listing", detail, errors);
  }

  public static Refusal invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static Refusal wrongState(String code, String detail) {
    return new Refusal(Kind.WRONG_STATE, code, detail, List.of());
  }

  public Kind kind() {
    return kind;
  }

  /** Stable slug of the problem type, e.g. {@code listing-has-bids}. */
  public String code() {
    return code;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
