package com.dbay.search.listings;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.FieldProblem;
import java.util.List;
import java.util.Map;

/** A search this service cannot serve: 400 {@code validation} naming the parameter. */
public class InvalidSearch extends DomainException {

  public InvalidSearch(String field, String message) {
    super(
        Kind.INVALID,
        "validation",
        "Invalid search",
        field + ": " + message,
        List.of(new FieldProblem(field, message)),
        Map.of());
  }
}
