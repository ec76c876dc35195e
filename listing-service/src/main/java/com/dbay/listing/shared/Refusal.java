package com.dbay.listing.shared;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * The listing rules' refusals, in the platform's one business error (which carries no HTTP; the
 * platform maps its kind to a status). Broken content rules are {@code UNPROCESSABLE} (422) with
 * every offending field in {@code errors}, so a seller's form can mark each of them.
 */
public class Refusal extends DomainException {

  private Refusal(Kind kind, String type, String title, String detail, List<FieldProblem> errors) {
    super(kind, type, title, detail, errors, Map.of());
  }

  public static Refusal notFound(String what) {
    return new Refusal(Kind.NOT_FOUND, "not-found", null, what + " was not found.", List.of());
  }

  public static Refusal notAllowed(String detail) {
    return new Refusal(Kind.FORBIDDEN, "forbidden", null, detail, List.of());
  }

  public static Refusal invalid(List<FieldProblem> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size()
                + " fields are invalid: "
                + String.join(", ", errors.stream().map(FieldProblem::field).toList());
    return new Refusal(
        Kind.UNPROCESSABLE, "invalid-listing", "The listing breaks a rule", detail, errors);
  }

  public static Refusal invalid(String field, String message) {
    return invalid(List.of(new FieldProblem(field, message)));
  }

  /** The object's state does not allow it now (e.g. {@code listing-has-bids}). */
  public static Refusal wrongState(String type, String detail) {
    return new Refusal(Kind.CONFLICT, type, null, detail, List.of());
  }
}
