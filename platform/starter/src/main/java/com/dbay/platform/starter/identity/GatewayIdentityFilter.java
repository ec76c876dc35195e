package com.dbay.platform.starter.identity;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the identity headers into an {@link Identity} request attribute, but only when the gateway
 * proof over them verifies. Anything else (no headers, a client calling the service port directly
 * with a hand-written {@code X-User-ID}, a stale or forged signature) leaves the request anonymous,
 * so endpoints that need a user answer 401 and public ones still work.
 *
 * <p>Both entry paths look the same from here: locally the gateway signs; in AWS the Lambda
 * authorizer signs and API Gateway maps its context onto the same headers.
 */
public class GatewayIdentityFilter extends OncePerRequestFilter {

  /** Request attribute holding the proven {@link Identity}. */
  public static final String ATTRIBUTE = Identity.class.getName();

  private static final Logger log = LoggerFactory.getLogger(GatewayIdentityFilter.class);

  private final GatewayProof proof;

  public GatewayIdentityFilter(GatewayProof proof) {
    this.proof = proof;
  }

  /** The proven identity of the current request, if any. */
  public static Optional<Identity> current(HttpServletRequest request) {
    return Optional.ofNullable((Identity) request.getAttribute(ATTRIBUTE));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String signature = request.getHeader(IdentityHeaders.PROOF_SIGNATURE);
    String userId = request.getHeader(IdentityHeaders.USER_ID);
    String sub = request.getHeader(IdentityHeaders.COGNITO_SUB);
    if (signature != null && (userId != null || sub != null)) {
      Identity claimed =
          new Identity(
              userId == null ? "" : userId,
              sub,
              request.getHeader(IdentityHeaders.COGNITO_USERNAME),
              request.getHeader(IdentityHeaders.COGNITO_EMAIL),
              roles(request.getHeader(IdentityHeaders.ROLES)));
      Optional<Identity> verified =
          proof.verify(
              claimed,
              request.getMethod(),
              GatewayProof.target(request.getRequestURI(), request.getQueryString()),
              request.getHeader(IdentityHeaders.PROOF_TIMESTAMP),
              signature);
      if (verified.isPresent()) {
        request.setAttribute(ATTRIBUTE, verified.get());
      } else {
        log.warn(
            "Ignoring identity headers without a valid gateway proof on {} {}",
            request.getMethod(),
            request.getRequestURI());
      }
    } else if (userId != null || sub != null) {
      log.warn(
          "Ignoring unsigned identity headers on {} {}",
          request.getMethod(),
          request.getRequestURI());
    }
    chain.doFilter(request, response);
  }

  static Set<String> roles(String header) {
    if (header == null || header.isBlank()) {
      return Set.of();
    }
    Set<String> roles = new LinkedHashSet<>();
    Arrays.stream(header.split(","))
        .map(String::trim)
        .filter(r -> !r.isEmpty())
        .forEach(roles::add);
    return roles;
  }
}
