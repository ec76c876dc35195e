package com.dbay.platform.starter.web;

import com.dbay.platform.problem.ProblemTypes;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for what fails before a request reaches the application (a request line
 * or URI Tomcat cannot parse or normalise, e.g. {@code /%C0%AE/}, a URI or headers above the
 * limits): a problem document like every other error instead of Tomcat's HTML. The text is fixed
 * per status and never echoes the request.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  public ProblemErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = tooLarge(request, throwable, response.getStatus());
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.reset();
      response.setStatus(status);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body(status));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response was committed: nothing more can be said.
    }
  }

  /**
   * Tomcat answers 400 when the request line or the headers overflow its header buffer ("Request
   * header is too large"); the client deserves to know which: 414 when the request line itself did
   * not fit (no URI was parsed), else 431.
   */
  private static int tooLarge(Request request, Throwable throwable, int status) {
    Throwable cause =
        throwable != null
            ? throwable
            : (Throwable)
                request
                    .getCoyoteRequest()
                    .getAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION);
    if (status != 400
        || !(cause instanceof IllegalArgumentException)
        || cause.getMessage() == null
        || !cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("too large")) {
      return status;
    }
    var uri = request.getCoyoteRequest().requestURI();
    return uri.isNull() || uri.getLength() == 0 ? 414 : 431;
  }

  static String body(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    URI type =
        switch (status) {
          case 414 -> ProblemTypes.of("uri-too-long");
          case 431 -> ProblemTypes.of("headers-too-large");
          default -> ProblemExceptionHandler.typeFor(status);
        };
    String detail =
        switch (status) {
          case 400 ->
              "The request could not be read: its request line, path or headers are malformed.";
          case 414 -> "The request URI is too long.";
          case 431 -> "The request headers are too large.";
          default ->
              status >= 500
                  ? "Something went wrong on our side. The request may be retried."
                  : title + ".";
        };
    return "{\"type\":\""
        + type
        + "\",\"title\":\""
        + title
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail
        + "\"}";
  }
}
