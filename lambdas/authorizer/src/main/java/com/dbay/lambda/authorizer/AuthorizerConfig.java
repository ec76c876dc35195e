package com.dbay.lambda.authorizer;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * @param issuer the user pool's issuer, {@code https://cognito-idp.<region>.amazonaws.com/<pool
 *     id>}
 * @param jwksUrl its keys; by default {@code <issuer>/.well-known/jwks.json}
 * @param audiences app client ids accepted ({@code aud} of id tokens, {@code client_id} of access
 *     tokens)
 * @param tokenUses accepted {@code token_use}: {@code id} by default (what the SPA sends)
 * @param clockSkew tolerance on {@code exp}/{@code nbf}
 * @param userServiceUrl where to resolve the sub to the app user; none means "do not resolve"
 */
public record AuthorizerConfig(
    String issuer,
    String jwksUrl,
    Set<String> audiences,
    Set<String> tokenUses,
    Duration clockSkew,
    String userServiceUrl) {

  /** From the function's environment, as the CDK stack sets it. */
  public static AuthorizerConfig from(Map<String, String> env) {
    String issuer = env.get("COGNITO_ISSUER");
    if (issuer == null || issuer.isBlank()) {
      String region = env.getOrDefault("COGNITO_REGION", env.get("AWS_REGION"));
      issuer =
          "https://cognito-idp."
              + region
              + ".amazonaws.com/"
              + required(env, "COGNITO_USER_POOL_ID");
    }
    String jwks = env.getOrDefault("COGNITO_JWKS_URL", issuer + "/.well-known/jwks.json");
    return new AuthorizerConfig(
        issuer,
        jwks,
        list(required(env, "COGNITO_CLIENT_IDS")),
        list(env.getOrDefault("COGNITO_TOKEN_USES", "id")),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("CLOCK_SKEW_SECONDS", "30"))),
        blankToNull(env.get("USER_SERVICE_URL")));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("the authorizer needs " + name);
    }
    return value;
  }

  private static Set<String> list(String csv) {
    return Arrays.stream(csv.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
