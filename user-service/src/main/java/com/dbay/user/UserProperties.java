package com.dbay.user;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapAdmins usernames that get ADMIN when they register (local mode and demos only)
 * @param bcryptCost work factor of the password hash (lower only in tests)
 * @param jwt the local issuer
 */
@ConfigurationProperties("dbay.user")
public record UserProperties(
    @DefaultValue List<String> bootstrapAdmins,
    @DefaultValue("11") int bcryptCost,
    @DefaultValue Jwt jwt) {

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
