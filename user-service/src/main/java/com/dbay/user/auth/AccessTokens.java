package com.dbay.user.auth;

import com.dbay.platform.identity.Revocations;
import com.dbay.user.UserProperties;
import com.dbay.user.account.User;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Short-lived RS256 access tokens. Claims mirror what the gateway maps to headers: {@code sub} is
 * the app user id, plus {@code username}, {@code email}, {@code roles} and {@code token_use}, and
 * {@code sid}: the login (refresh-token family) the token belongs to, so that logging out refuses
 * this login's tokens at the gateway and no other device's.
 */
@Component
public class AccessTokens {

  public static final String TOKEN_USE = "access";

  private final SigningKeyStore keys;
  private final UserProperties.Jwt config;
  private final Clock clock;

  public AccessTokens(SigningKeyStore keys, UserProperties properties, Clock clock) {
    this.keys = keys;
    this.config = properties.jwt();
    this.clock = clock;
  }

  public String issue(User user, UUID session) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(config.issuer())
            .audience(config.audience())
            .subject(user.id().toString())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(config.accessTokenTtl())))
            .jwtID(UUID.randomUUID().toString())
            .claim("token_use", TOKEN_USE)
            .claim(Revocations.SESSION_CLAIM, session.toString())
            .claim("username", user.username())
            .claim("email", user.email())
            .claim("roles", user.roles().stream().map(Enum::name).sorted().toList())
            .build();
    RSAKey key = keys.signingKey();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the access token", e);
    }
    return jwt.serialize();
  }

  /**
   * The public half of the signing keys: what the gateway (or anyone) needs to verify our tokens.
   */
  public com.nimbusds.jose.jwk.JWKSet publicJwks() {
    return keys.publicJwks();
  }

  public long ttlSeconds() {
    return config.accessTokenTtl().toSeconds();
  }
}
