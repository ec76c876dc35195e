package com.dbay.platform.starter.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel {@code /error} for failures that never reached a controller (the
 * container's own errors, {@code sendError} from a filter): they are problem documents too.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer i && HttpStatus.resolve(i) != null
            ? HttpStatus.resolve(i)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    String detail =
        status.is5xxServerError()
            ? "Something went wrong on our side. The request may be retried."
            : status.getReasonPhrase() + ".";
    ProblemDetail problem =
        ProblemWriter.problem(status, ProblemExceptionHandler.typeFor(status.value()), detail);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri != null) {
      problem.setInstance(java.net.URI.create(uri.toString().replace(" ", "%20")));
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
