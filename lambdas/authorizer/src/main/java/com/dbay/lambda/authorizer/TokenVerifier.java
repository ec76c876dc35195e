package com.dbay.lambda.authorizer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cognito JWT validation with Nimbus: RS256 only (so {@code alg: none} and HS256 keyed with the
 * public key cannot verify), keys from the pool's JWKS (cached across invocations of a warm
 * function, refetched on an unknown {@code kid}), then {@code iss} exactly, {@code exp} required,
 * {@code nbf}, the app client and the token use.
 */
public final class TokenVerifier {

  private final ConfigurableJWTProcessor<SecurityContext> processor;
  private final Set<String> audiences;
  private final Set<String> tokenUses;

  public TokenVerifier(AuthorizerConfig config, JWKSource<SecurityContext> keys) {
    this.audiences = config.audiences();
    this.tokenUses = config.tokenUses();
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256), keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(config.issuer()).build(),
            Set.of("sub", "exp", "iat", "token_use"));
    claims.setMaxClockSkew((int) config.clockSkew().toSeconds());
    p.setJWTClaimsSetVerifier(claims);
    this.processor = p;
  }

  public TokenVerifier(AuthorizerConfig config) {
    this(config, remote(config.jwksUrl()));
  }

  static JWKSource<SecurityContext> remote(String url) {
    try {
      // Cached (5 minutes), refreshed ahead of expiry and on an unknown kid (rate limited).
      return JWKSourceBuilder.<SecurityContext>create(URI.create(url).toURL())
          .retrying(true)
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a JWKS URL: " + url, e);
    }
  }

  /** The claims of a valid token; empty for anything else, whatever the reason. */
  public Optional<JWTClaimsSet> verify(String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      if (!tokenUses.contains(claims.getStringClaim("token_use"))) {
        return Optional.empty();
      }
      List<String> aud = claims.getAudience();
      String clientId = claims.getStringClaim("client_id");
      boolean audienceOk =
          aud.stream().anyMatch(audiences::contains)
              || (clientId != null && audiences.contains(clientId));
      return audienceOk ? Optional.of(claims) : Optional.empty();
    } catch (Exception invalid) {
      return Optional.empty();
    }
  }
}
