package com.dbay.user.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A 4xx answer with a stable problem type (the last path segment of the type URI) and, for input
 * errors, a message per field.
 */
public class UserProblem extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final Map<String, String> errors;

  public UserProblem(HttpStatus status, String type, String detail, Map<String, String> errors) {
    super(detail);
    this.status = status;
    this.type = type;
    this.errors = errors == null ? Map.of() : Map.copyOf(errors);
  }

  public UserProblem(HttpStatus status, String type, String detail) {
    this(status, type, detail, Map.of());
  }

  public static UserProblem invalid(Map<String, String> errors) {
    return new UserProblem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.", errors);
  }

  public static UserProblem notFound(String what) {
    return new UserProblem(HttpStatus.NOT_FOUND, "not-found", what + " does not exist.");
  }

  public static UserProblem forbidden(String detail) {
    return new UserProblem(HttpStatus.FORBIDDEN, "forbidden", detail);
  }

  public static UserProblem unauthenticated(String detail) {
    return new UserProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String type() {
    return type;
  }

  public Map<String, String> errors() {
    return errors;
  }
}
