package com.dbay.user.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The local issuer's RS256 key pair. Generated on first use and kept in the user database, so that
 * tokens stay valid across restarts and every instance signs with the same key. (In AWS, Cognito is
 * the issuer and this key is not used.)
 */
@Component
public class SigningKeyStore {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private volatile RSAKey key;

  public SigningKeyStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public RSAKey signingKey() {
    RSAKey current = key;
    if (current == null) {
      synchronized (this) {
        if (key == null) {
          key = loadOrCreate();
        }
        current = key;
      }
    }
    return current;
  }

  /** The public half only: what the gateway (or anyone) needs to verify our tokens. */
  public JWKSet publicJwks() {
    return new JWKSet(signingKey().toPublicJWK());
  }

  private RSAKey loadOrCreate() {
    RSAKey existing = oldest();
    if (existing != null) {
      return existing;
    }
    try {
      RSAKey generated =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint(true)
              .generate();
      // Another instance may have won the race; whichever key is oldest is the one everybody uses.
      jdbc.update(
          "insert into signing_keys (kid, private_jwk, created_at) values (?, ?, ?) on conflict do nothing",
          generated.getKeyID(),
          generated.toJSONString(),
          Timestamp.from(clock.instant()));
      return oldest();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the signing key", e);
    }
  }

  private RSAKey oldest() {
    List<String> rows =
        jdbc.queryForList(
            "select private_jwk from signing_keys order by created_at, kid limit 1", String.class);
    if (rows.isEmpty()) {
      return null;
    }
    try {
      return RSAKey.parse(rows.getFirst());
    } catch (ParseException e) {
      throw new IllegalStateException("the stored signing key is not a JWK", e);
    }
  }
}
