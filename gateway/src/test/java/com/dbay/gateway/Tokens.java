package com.dbay.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Mints tokens for the attacks: a trusted test key (served as the JWKS) and everything else. */
final class Tokens {

  static final String ISSUER = "https://issuer.test/dbay";
  static final String AUDIENCE = "dbay-test";

  final RSAKey trusted = generate("trusted-key");
  final RSAKey stranger = generate("stranger-key");

  static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  JWTClaimsSet.Builder claims(String sub) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(sub)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
        .claim("token_use", "access")
        .claim("username", "alice")
        .claim("email", "alice@demo.dbay")
        .claim("roles", List.of("USER"));
  }

  String valid(String sub) {
    return sign(trusted, claims(sub).build());
  }

  String with(String sub, UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(trusted, change.apply(claims(sub)).build());
  }

  static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String unsigned(String sub) {
    return new PlainJWT(claims(sub).build()).serialize();
  }

  /** The classic confusion attack: HS256 keyed with the issuer's public key bytes. */
  String hs256WithPublicKey(String sub) {
    try {
      String pem =
          "-----BEGIN PUBLIC KEY-----\n"
              + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                  .encodeToString(trusted.toRSAPublicKey().getEncoded())
              + "\n-----END PUBLIC KEY-----\n";
      byte[] key = pem.getBytes(StandardCharsets.US_ASCII);
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(trusted.getKeyID()).build(),
              claims(sub).build());
      jwt.sign(new MACSigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A genuine token whose payload was edited afterwards (another subject, ADMIN added). */
  String tampered(String sub) {
    String[] parts = valid(sub).split("\\.");
    JWTClaimsSet forged = claims("someone-else").claim("roles", List.of("USER", "ADMIN")).build();
    return parts[0] + "." + Base64URL.encode(forged.toString()) + "." + parts[2];
  }
}
