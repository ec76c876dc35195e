package com.dbay.wallet.adapter.in.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /api/v1/wallet/internal/**}: the public gateway never routes there, and when a token
 * is configured a caller must also present it in {@code X-Internal-Token}. The calling service
 * names itself in {@code X-Caller-Service}; idempotency keys are scoped per caller.
 */
public class InternalCallerFilter extends OncePerRequestFilter {

  public static final String TOKEN_HEADER = "X-Internal-Token";
  public static final String CALLER_HEADER = "X-Caller-Service";
  static final String INTERNAL_PREFIX = "/api/v1/wallet/internal/";

  private final byte[] token;

  public InternalCallerFilter(String token) {
    this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(INTERNAL_PREFIX);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    if (token != null) {
      String given = request.getHeader(TOKEN_HEADER);
      if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
        response.setStatus(401);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"" + WalletProblems.TYPE_BASE + "unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"internal wallet endpoints need a valid X-Internal-Token\"}");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
