package com.dbay.gateway.identity;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import com.dbay.gateway.GatewayProperties;
import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * For every proxied request: remove whatever identity headers the client sent, then, if the token
 * validated, set the caller's identity and sign it with the gateway proof over the method, the path
 * and the query exactly as the service will see them. Runs after the route's own filters so that a
 * rewritten path is the one signed.
 */
public class IdentityHeadersFilter implements GlobalFilter, Ordered {

  private final GatewayProof proof;
  private final GatewayProperties.Jwt config;
  private final CognitoResolver resolver;

  public IdentityHeadersFilter(
      GatewayProof proof, GatewayProperties.Jwt config, CognitoResolver resolver) {
    this.proof = proof;
    this.config = config;
    this.resolver = resolver;
  }

  @Override
  public int getOrder() {
    return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return exchange
        .getPrincipal()
        .filter(JwtAuthenticationToken.class::isInstance)
        .cast(JwtAuthenticationToken.class)
        .flatMap(auth -> identityOf(auth.getToken()))
        .map(identity -> signed(exchange, identity))
        .switchIfEmpty(Mono.fromSupplier(() -> stripped(exchange)))
        .flatMap(chain::filter);
  }

  /** Anonymous: only what the client sent is removed. */
  private static ServerWebExchange stripped(ServerWebExchange exchange) {
    return exchange
        .mutate()
        .request(r -> r.headers(h -> IdentityHeaders.ALL_IDENTITY.forEach(h::remove)))
        .build();
  }

  /** The caller's identity from a validated token (also for the WebSocket endpoint). */
  public Mono<Identity> identityOf(Jwt jwt) {
    if (!config.cognito()) {
      // Local issuer: sub is already the app user id, roles come from the token.
      return Mono.just(
          new Identity(
              jwt.getSubject(),
              "",
              jwt.getClaimAsString("username"),
              jwt.getClaimAsString("email"),
              roles(jwt.getClaim("roles"))));
    }
    String sub = jwt.getSubject();
    String username =
        firstNonNull(jwt.getClaimAsString("cognito:username"), jwt.getClaimAsString("username"));
    String email = firstNonNull(jwt.getClaimAsString("email"), "");
    return resolver
        .resolve(sub, username, email)
        .flatMap(
            resolved -> {
              if (!"ACTIVE".equals(resolved.status())) {
                return Mono.error(
                    new ResponseStatusException(HttpStatus.FORBIDDEN, "This account is suspended"));
              }
              // Roles come from the app's own records, not from pool groups, so one place decides
              // them.
              return Mono.just(
                  new Identity(
                      resolved.userId(), sub, username, email, Set.copyOf(resolved.roles())));
            });
  }

  /**
   * What the client sent is removed and the identity set in the same pass (one copy of the request
   * headers, not two): every name in {@code ALL_IDENTITY} goes, then exactly these are set.
   */
  private ServerWebExchange signed(ServerWebExchange exchange, Identity identity) {
    URI target = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
    URI forwarded = target != null ? target : exchange.getRequest().getURI();
    String method = exchange.getRequest().getMethod().name();
    long now = proof.now();
    String signature =
        proof.sign(
            identity,
            method,
            GatewayProof.target(forwarded.getRawPath(), forwarded.getRawQuery()),
            now);
    ServerHttpRequest request =
        exchange
            .getRequest()
            .mutate()
            .headers(
                h -> {
                  IdentityHeaders.ALL_IDENTITY.forEach(h::remove);
                  h.set(IdentityHeaders.USER_ID, identity.userId());
                  h.set(IdentityHeaders.COGNITO_SUB, identity.cognitoSub());
                  h.set(IdentityHeaders.COGNITO_USERNAME, identity.username());
                  h.set(IdentityHeaders.COGNITO_EMAIL, identity.email());
                  h.set(
                      IdentityHeaders.ROLES,
                      String.join(",", new java.util.TreeSet<>(identity.roles())));
                  h.set(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now));
                  h.set(IdentityHeaders.PROOF_SIGNATURE, signature);
                })
            .build();
    return exchange.mutate().request(request).build();
  }

  static Set<String> roles(Object claim) {
    Set<String> roles = new LinkedHashSet<>();
    if (claim instanceof Collection<?> list) {
      list.forEach(r -> roles.add(String.valueOf(r)));
    } else if (claim instanceof String s && !s.isBlank()) {
      roles.addAll(List.of(s.split(",")));
    }
    if (roles.isEmpty()) {
      roles.add("USER");
    }
    return roles;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
