package com.dbay.platform.starter.correlation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the caller's {@code X-Correlation-ID} (the gateway sets one on every request) or makes a
 * new one, puts it in the logging MDC as {@code correlationId} so every log line of the request
 * carries it, and returns it in the response header. A malformed value is replaced rather than
 * trusted: it ends up in logs, so it must not be able to forge log lines or grow without bound.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Correlation-ID";
  public static final String MDC_KEY = "correlationId";

  /** Request attribute holding the id, for code that has the request but not the MDC. */
  public static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";

  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = (String) request.getAttribute(ATTRIBUTE); // set already on an error dispatch
    if (id == null) {
      String given = request.getHeader(HEADER);
      id =
          given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    MDC.put(MDC_KEY, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }
}
