package com.dbay.gateway.security;

import com.dbay.gateway.GatewayProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Stateless bearer-token authentication. A request without a token passes on anonymously (the
 * service decides whether the endpoint needs a user); a request with a token that does not validate
 * stops here with 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

  @Bean
  ReactiveJwtDecoder jwtDecoder(GatewayProperties properties, ReactiveStringRedisTemplate redis) {
    ReactiveJwtDecoder validated =
        new CachingJwtDecoder(
            TokenValidation.decoder(properties.jwt()),
            Duration.ofMinutes(5),
            20_000,
            java.time.Clock.systemUTC());
    // Outside the cache: a cached token is still checked against the deny-list on every request.
    return new RevocationCheckingJwtDecoder(
        validated, redis, properties.rateLimits().redisTimeout());
  }

  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
    ProblemEntryPoint entryPoint = new ProblemEntryPoint();
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .cors(Customizer.withDefaults())
        // Every exchange is permitted here (services decide what needs a user), so the
        // authorization and anonymous filters would only cost time on each request.
        .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
        .oauth2ResourceServer(
            oauth -> oauth.jwt(jwt -> jwt.jwtDecoder(decoder)).authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        .build();
  }

  /** The SPA's dev server calls the API from another origin; bearer tokens, so no credentials. */
  @Bean
  CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(properties.corsOrigins());
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(
        List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key", "X-Correlation-ID"));
    cors.setExposedHeaders(
        List.of("Location", "Retry-After", "X-RateLimit-Remaining", "X-Correlation-ID"));
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }
}
