package com.dbay.search.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /api/v1/search/internal/**}. The gateway never routes there (404 at the edge); here
 * each internal path names the parts allowed to call it ({@code X-Caller-Service}), and when a
 * token is configured ({@code DBAY_SEARCH_INTERNAL_TOKEN}) the caller must present it too ({@code
 * X-Internal-Token}).
 */
public class InternalCallerFilter extends OncePerRequestFilter {

  public static final String PREFIX = "/api/v1/search/internal/";
  public static final String CALLER_HEADER = "X-Caller-Service";
  public static final String TOKEN_HEADER = "X-Internal-Token";

  /** Internal path (after the prefix) → the parts that may call it. */
  static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "saved-search-matches", Set.of("search-indexer"),
          "reindex", Set.of("dbay-cli", "operator"));

  private final byte[] token;

  public InternalCallerFilter(String token) {
    this.token = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(PREFIX);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String rest = request.getRequestURI().substring(PREFIX.length());
    String endpoint = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    Set<String> allowed = ALLOWED.get(endpoint);
    String caller = request.getHeader(CALLER_HEADER);
    if (allowed == null) {
      refuse(response, 404, "not-found", "Not found", "No such internal endpoint.");
      return;
    }
    if (caller == null || !allowed.contains(caller)) {
      refuse(
          response,
          403,
          "forbidden",
          "Forbidden",
          "This internal endpoint is for "
              + String.join(", ", allowed.stream().sorted().toList())
              + ".");
      return;
    }
    if (token.length > 0) {
      String given = request.getHeader(TOKEN_HEADER);
      if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
        refuse(
            response,
            401,
            "unauthorized",
            "Unauthorized",
            "Internal search endpoints need a valid " + TOKEN_HEADER + ".");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static void refuse(
      HttpServletResponse response, int status, String slug, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response
        .getWriter()
        .write(
            "{\"type\":\"https://dbay.dev/problems/"
                + slug
                + "\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}");
  }
}
