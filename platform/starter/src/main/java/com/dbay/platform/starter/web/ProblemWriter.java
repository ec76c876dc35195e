package com.dbay.platform.starter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem document straight to the servlet response, for failures found in filters, before
 * Spring MVC's exception handling is reachable.
 */
public class ProblemWriter {

  private final JsonMapper mapper;

  public ProblemWriter(JsonMapper mapper) {
    this.mapper = mapper;
  }

  public static ProblemDetail problem(HttpStatus status, URI type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }

  public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.resetBuffer();
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(mapper.writeValueAsBytes(problem));
    response.flushBuffer();
  }
}
