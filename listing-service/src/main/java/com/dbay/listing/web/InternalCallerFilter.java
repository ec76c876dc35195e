package com.dbay.listing.web;

import com.dbay.platform.problem.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the internal endpoints: the caller names itself in {@code X-Caller-Service} and proves it
 * with its own token in {@code X-Internal-Token}; the endpoint must allow that caller. Anything
 * else is a 401 (unknown caller or wrong token) or 403 (a known caller on someone else's endpoint),
 * logged. The gateway never routes {@code /internal/} either.
 */
public class InternalCallerFilter extends OncePerRequestFilter {

  public static final String CALLER = "X-Caller-Service";
  public static final String TOKEN = "X-Internal-Token";
  static final String PREFIX = "/api/v1/listing/internal/";
  private static final Logger log = LoggerFactory.getLogger(InternalCallerFilter.class);

  private final Map<String, String> tokens;

  InternalCallerFilter(InternalCallers callers) {
    this.tokens = callers.tokenByCaller();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // Deliberately wide: any path naming "internal" in any spelling (//, ;params, case) is checked,
    // so
    // that no variant the router might still map to an internal handler slips past.
    return !request.getRequestURI().toLowerCase(java.util.Locale.ROOT).contains("internal");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String caller = request.getHeader(CALLER);
    String token = request.getHeader(TOKEN);
    String expected = caller == null ? null : tokens.get(caller);
    if (expected == null
        || token == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      log.warn(
          "refused internal call {} {} from {}: unknown caller or wrong token",
          request.getMethod(),
          request.getRequestURI(),
          caller);
      refuse(
          response,
          401,
          "unauthorized",
          "Internal endpoints need a known X-Caller-Service and its X-Internal-Token.");
      return;
    }
    String uri = request.getRequestURI();
    String area = "";
    if (uri.startsWith(PREFIX)) {
      String rest = uri.substring(PREFIX.length());
      area = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }
    List<String> callers = InternalCallers.allowed.getOrDefault(area, List.of());
    if (!callers.contains(caller)) {
      log.warn(
          "refused internal call {} {} from {}: not allowed there",
          request.getMethod(),
          request.getRequestURI(),
          caller);
      refuse(response, 403, "forbidden", caller + " may not call this endpoint.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, int status, String type, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response
        .getWriter()
        .write(
            "{\"type\":\""
                + ProblemTypes.of(type)
                + "\",\"title\":\""
                + (status == 401 ? "Unauthorized" : "Forbidden")
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}");
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    FilterRegistrationBean<InternalCallerFilter> internalCallerFilter(InternalCallers callers) {
      FilterRegistrationBean<InternalCallerFilter> registration =
          new FilterRegistrationBean<>(new InternalCallerFilter(callers));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
      return registration;
    }
  }
}
