package com.dbay.platform.starter.identity;

import com.dbay.platform.problem.ProblemTypes;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An endpoint that needs a user was called without a proven identity. */
public class MissingIdentityException extends ErrorResponseException {

  public static final URI TYPE = ProblemTypes.of("unauthenticated");

  public MissingIdentityException() {
    super(HttpStatus.UNAUTHORIZED, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            "This needs a signed-in user: send a valid bearer token through the gateway.");
    problem.setType(TYPE);
    problem.setTitle("Unauthenticated");
    return problem;
  }
}
