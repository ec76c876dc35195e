package com.dbay.listing.shared;

import com.dbay.platform.problem.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of one request, so a client learns all of them in one answer. */
public final class FieldErrors {

  private final List<FieldProblem> errors = new ArrayList<>();

  public FieldErrors add(String field, String message) {
    errors.add(new FieldProblem(field, message));
    return this;
  }

  public boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws the collected errors as one {@link Refusal}, if there are any. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors);
    }
  }
}
