package com.dbay.user;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapAdmins usernames that get ADMIN when they register (local mode and demos only)
 * @param bcryptCost work factor of the password hash (lower only in tests)
 * @param jwt the local issuer
 * @param loginThrottle growing delays after failed logins (see {@code LoginThrottle})
 */
@ConfigurationProperties("dbay.user")
public record UserProperties(
    @DefaultValue List<String> bootstrapAdmins,
    @DefaultValue("11") int bcryptCost,
    @DefaultValue Jwt jwt,
    @DefaultValue LoginThrottle loginThrottle) {

  /**
   * @param accountFreeFailures failures of one account before it waits
   * @param sourceFreeFailures failures from one address before it waits
   * @param baseDelay the first wait, doubled by each further failure
   * @param accountMaxDelay the longest an account waits (kept low: no lockout of the owner)
   * @param sourceMaxDelay the longest a source address waits
   * @param window failures are forgotten this long after the last one
   * @param trustedProxies remote addresses whose {@code X-Forwarded-For} (last hop) names the
   *     source
   */
  public record LoginThrottle(
      @DefaultValue("5") int accountFreeFailures,
      @DefaultValue("10") int sourceFreeFailures,
      @DefaultValue("1s") Duration baseDelay,
      @DefaultValue("1m") Duration accountMaxDelay,
      @DefaultValue("15m") Duration sourceMaxDelay,
      @DefaultValue("15m") Duration window,
      @DefaultValue({"127.0.0.1", "0:0:0:0:0:0:0:1"}) List<String> trustedProxies) {}

  /**
   * @param issuer {@code iss} of local tokens; the gateway is configured with the same value
   * @param audience {@code aud} of local tokens (the SPA's client id)
   */
  public record Jwt(
      @DefaultValue("dbay-local") String issuer,
      @DefaultValue("dbay-web") String audience,
      @DefaultValue("15m") Duration accessTokenTtl,
      @DefaultValue("30d") Duration refreshTokenTtl) {}
}
