package com.dbay.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param services base URL of each service by its short name ({@code user} routes {@code
 *     /api/v1/user/**})
 * @param secret the HMAC key of the gateway proof, shared with the services
 * @param jwt which tokens are accepted
 * @param rateLimits requests per minute and burst, per user (or per IP when anonymous)
 * @param maxBodySize request bodies above this are refused with 413
 * @param uploads paths (Ant patterns) allowed {@code maxUploadSize} instead
 * @param maxRequestTarget a longer path and query is refused with 414
 * @param maxRequestHeaders larger headers (all of them together) are refused with 431
 * @param corsOrigins origins of the SPA dev server
 * @param spaDir the built SPA ({@code frontend/dist}); a placeholder page is served when it is
 *     missing
 */
@ConfigurationProperties("dbay.gateway")
public record GatewayProperties(
    Map<String, String> services,
    String secret,
    Jwt jwt,
    RateLimits rateLimits,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("10MB") DataSize maxUploadSize,
    @DefaultValue List<String> uploads,
    @DefaultValue("8KB") DataSize maxRequestTarget,
    @DefaultValue("16KB") DataSize maxRequestHeaders,
    @DefaultValue List<String> corsOrigins,
    @DefaultValue("frontend/dist") String spaDir) {

  /**
   * @param mode {@code local} (user-service issues tokens; {@code sub} is the app user id) or
   *     {@code cognito} ({@code sub} is resolved to the app user through user-service)
   * @param issuer exact {@code iss}
   * @param jwksUri where the signing keys are (cached, refreshed on an unknown {@code kid})
   * @param audiences accepted {@code aud} (id tokens) or {@code client_id} (Cognito access tokens)
   * @param tokenUses accepted {@code token_use} values
   * @param algorithms accepted JWS algorithms; asymmetric only
   */
  public record Jwt(
      @DefaultValue("local") String mode,
      String issuer,
      String jwksUri,
      List<String> audiences,
      List<String> tokenUses,
      @DefaultValue("RS256") List<String> algorithms,
      @DefaultValue("30s") Duration clockSkew,
      @DefaultValue("5m") Duration resolveCacheTtl) {

    public boolean cognito() {
      return "cognito".equalsIgnoreCase(mode);
    }
  }

  /**
   * @param maxBatch most permits an instance takes from a shared bucket at once (a tenth of the
   *     burst, at least 1): how far a limit may be overshot per instance (see SharedRateLimiter)
   * @param lease how long an instance may hold permits it took and has not used yet
   * @param redisTimeout a Redis answer slower than this counts as Redis being unavailable
   * @param redisRetry while Redis is unavailable, each instance limits on its own and asks Redis
   *     again after this long
   */
  public record RateLimits(
      Limit standard,
      Limit login,
      Limit bids,
      @DefaultValue("20") int maxBatch,
      @DefaultValue("1s") Duration lease,
      @DefaultValue("250ms") Duration redisTimeout,
      @DefaultValue("1s") Duration redisRetry) {}

  /**
   * @param perMinute sustained rate; @param burst how many may come at once
   */
  public record Limit(int perMinute, int burst) {}
}
