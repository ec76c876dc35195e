package com.dbay.gateway.security;

import com.dbay.gateway.GatewayProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Builds the decoder from configuration. The signature is checked against the issuer's JWKS with an
 * allow-list of asymmetric algorithms, so {@code alg: none} and "HS256 keyed with the public key"
 * never verify; then {@code exp} (required), {@code nbf}, {@code iss}, the audience and the token
 * use.
 */
public final class TokenValidation {

  private TokenValidation() {}

  public static ReactiveJwtDecoder decoder(GatewayProperties.Jwt config) {
    NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder =
        NimbusReactiveJwtDecoder.withJwkSetUri(config.jwksUri());
    for (String name : config.algorithms()) {
      SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
      if (algorithm == null) {
        throw new IllegalArgumentException("not an asymmetric JWS algorithm: " + name);
      }
      builder.jwsAlgorithm(algorithm);
    }
    NimbusReactiveJwtDecoder decoder = builder.build();
    decoder.setJwtValidator(validator(config));
    return decoder;
  }

  static OAuth2TokenValidator<Jwt> validator(GatewayProperties.Jwt config) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(
        jwt ->
            jwt.getExpiresAt() == null
                ? failure("invalid_token", "The token has no expiry")
                : OAuth2TokenValidatorResult.success());
    validators.add(new JwtTimestampValidator(config.clockSkew()));
    validators.add(new JwtIssuerValidator(config.issuer()));
    List<String> audiences = config.audiences() == null ? List.of() : config.audiences();
    if (!audiences.isEmpty()) {
      validators.add(
          jwt -> {
            Collection<String> aud = jwt.getAudience() == null ? List.of() : jwt.getAudience();
            String clientId = jwt.getClaimAsString("client_id");
            boolean ok =
                aud.stream().anyMatch(audiences::contains)
                    || (clientId != null && audiences.contains(clientId));
            return ok
                ? OAuth2TokenValidatorResult.success()
                : failure("invalid_token", "The token is for another audience");
          });
    }
    List<String> uses = config.tokenUses() == null ? List.of() : config.tokenUses();
    if (!uses.isEmpty()) {
      validators.add(
          jwt ->
              uses.contains(jwt.getClaimAsString("token_use"))
                  ? OAuth2TokenValidatorResult.success()
                  : failure("invalid_token", "This kind of token is not accepted here"));
    }
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  private static OAuth2TokenValidatorResult failure(String code, String description) {
    return OAuth2TokenValidatorResult.failure(new OAuth2Error(code, description, null));
  }
}
