package com.dbay.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

/** What every gateway test points at the stub: all eight services, the issuer and its JWKS. */
final class GatewayTestConfig {

  private GatewayTestConfig() {}

  static void common(DynamicPropertyRegistry registry, StubServices stub, String secret) {
    for (String service :
        new String[] {
          "listing", "auction", "wallet", "user", "order", "notification", "search", "messaging"
        }) {
      registry.add("dbay.gateway.services." + service, stub::url);
    }
    registry.add("dbay.gateway.secret", () -> secret);
    registry.add("dbay.gateway.jwt.issuer", () -> Tokens.ISSUER);
    registry.add("dbay.gateway.jwt.audiences", () -> Tokens.AUDIENCE);
    registry.add("dbay.gateway.jwt.jwks-uri", () -> stub.url() + "/jwks.json");
    registry.add("dbay.gateway.jwt.token-uses", () -> "access");
    registry.add("dbay.gateway.rate-limits.standard.per-minute", () -> "60000");
    registry.add("dbay.gateway.rate-limits.standard.burst", () -> "10000");
  }
}
