package com.dbay.search.listings;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.ProblemTypes;
import java.util.List;
import java.util.Map;

/** A search this service cannot serve: 400 {@code validation} naming the parameter. */
public class InvalidSearch extends DomainException {

  public InvalidSearch(String field, String message) {
    super(400, ProblemTypes.VALIDATION, "Invalid search", field + ": " + message,
        Map.of("errors", List.of(Map.of("field", field, "message", message))));
  }
}
