package com.dbay.lambda.websockethandler;

import com.dbay.lambda.authorizer.AuthorizerConfig;
import com.dbay.lambda.authorizer.TokenVerifier;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/** A user pool's key and Cognito-shaped id tokens, and the authorizer's verifier over that key. */
final class TestTokens {

  static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1";
  static final String CLIENT = "5hn1test0client0id0abcdefg";
  final RSAKey key;
  final RSAKey otherKey;

  TestTokens() {
    try {
      key = new RSAKeyGenerator(2048).keyID("pool-key-1").generate();
      otherKey = new RSAKeyGenerator(2048).keyID("pool-key-1").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  TokenVerifier verifier() {
    return new TokenVerifier(
        new AuthorizerConfig(
            ISSUER, "unused", Set.of(CLIENT), Set.of("id"), Duration.ofSeconds(30), null),
        new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())));
  }

  String token(String sub) {
    return sign(sub, key);
  }

  /** Signed by a key the pool does not have. */
  String forged(String sub) {
    return sign(sub, otherKey);
  }

  private static String sign(String sub, RSAKey with) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(sub)
            .audience(CLIENT)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
            .claim("token_use", "id")
            .build();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(with));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
