package com.dbay.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The stub services and token issuer of this package, for gateway tests in feature packages. */
public final class StubServicesAccess implements AutoCloseable {

  private final Tokens tokens = new Tokens();
  private final StubServices stub;
  private final String secret;

  private StubServicesAccess(String secret) {
    this.secret = secret;
    this.stub = StubServices.trusting(secret, tokens);
  }

  public static StubServicesAccess start(String secret) {
    return new StubServicesAccess(secret);
  }

  public void configure(DynamicPropertyRegistry registry) {
    GatewayTestConfig.common(registry, stub, secret);
  }

  public String token(String sub) {
    return tokens.valid(sub);
  }

  public String tamperedToken(String sub) {
    return tokens.tampered(sub);
  }

  @Override
  public void close() {
    stub.close();
  }
}
