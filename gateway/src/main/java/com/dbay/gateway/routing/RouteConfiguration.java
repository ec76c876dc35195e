package com.dbay.gateway.routing;

import com.dbay.gateway.GatewayProperties;
import com.dbay.gateway.identity.CognitoResolver;
import com.dbay.gateway.identity.IdentityHeadersFilter;
import com.dbay.gateway.limits.BodySizeFilter;
import com.dbay.gateway.limits.RateLimitFilter;
import com.dbay.gateway.limits.RateLimits;
import com.dbay.gateway.limits.RedisBuckets;
import com.dbay.gateway.limits.RequestHeadSizeFilter;
import com.dbay.gateway.limits.RetryAfterFilter;
import com.dbay.gateway.limits.SharedRateLimiter;
import com.dbay.platform.identity.GatewayProof;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
public class RouteConfiguration {

  /**
   * Credential endpoints: limited per client address, tightly, against brute force and sign-up
   * spam.
   */
  static final String[] AUTH_PATHS = {
    "/api/v1/user/login", "/api/v1/user/login/", "/api/v1/user/register", "/api/v1/user/register/",
    "/api/v1/user/token/refresh", "/api/v1/user/token/refresh/", "/api/v1/user/refresh",
        "/api/v1/user/refresh/"
  };

  @Bean
  GatewayProof gatewayProof(GatewayProperties properties) {
    return new GatewayProof(properties.secret());
  }

  @Bean
  RedisBuckets redisBuckets(ReactiveStringRedisTemplate redis, GatewayProperties properties) {
    GatewayProperties.RateLimits limits = properties.rateLimits();
    return new RedisBuckets(redis, limits.redisTimeout(), limits.redisRetry());
  }

  @Bean
  SharedRateLimiter standardRateLimiter(GatewayProperties properties, RedisBuckets buckets) {
    GatewayProperties.RateLimits limits = properties.rateLimits();
    return new SharedRateLimiter(
        "standard", limits.standard(), buckets, limits.maxBatch(), limits.lease());
  }

  /**
   * Brute force and bid spam are what these limits are for: every request is counted in Redis at
   * once.
   */
  @Bean
  SharedRateLimiter loginRateLimiter(GatewayProperties properties, RedisBuckets buckets) {
    GatewayProperties.RateLimits limits = properties.rateLimits();
    return new SharedRateLimiter("credentials", limits.login(), buckets, 1, limits.lease());
  }

  @Bean
  SharedRateLimiter bidRateLimiter(GatewayProperties properties, RedisBuckets buckets) {
    GatewayProperties.RateLimits limits = properties.rateLimits();
    return new SharedRateLimiter("bids", limits.bids(), buckets, 1, limits.lease());
  }

  @Bean
  CognitoResolver cognitoResolver(GatewayProperties properties, GatewayProof proof) {
    return new CognitoResolver(
        WebClient.builder(),
        properties.services().get("user"),
        proof,
        properties.jwt().resolveCacheTtl());
  }

  @Bean
  IdentityHeadersFilter identityHeadersFilter(
      GatewayProof proof, GatewayProperties properties, CognitoResolver resolver) {
    return new IdentityHeadersFilter(proof, properties.jwt(), resolver);
  }

  @Bean
  EdgePathFilter edgePathFilter() {
    return new EdgePathFilter();
  }

  @Bean
  RetryAfterFilter retryAfterFilter() {
    return new RetryAfterFilter();
  }

  @Bean
  BodySizeFilter bodySizeFilter(GatewayProperties properties) {
    return new BodySizeFilter(
        properties.maxBodySize().toBytes(),
        properties.maxUploadSize().toBytes(),
        properties.uploads());
  }

  @Bean
  RequestHeadSizeFilter requestHeadSizeFilter(GatewayProperties properties) {
    return new RequestHeadSizeFilter(
        properties.maxRequestTarget().toBytes(), properties.maxRequestHeaders().toBytes());
  }

  @Bean
  RouteLocator routes(
      RouteLocatorBuilder builder,
      GatewayProperties properties,
      @Qualifier("standardRateLimiter") SharedRateLimiter standardRateLimiter,
      @Qualifier("loginRateLimiter") SharedRateLimiter loginRateLimiter,
      @Qualifier("bidRateLimiter") SharedRateLimiter bidRateLimiter) {
    Map<String, String> services = properties.services();
    GatewayProperties.RateLimits limits = properties.rateLimits();
    RouteLocatorBuilder.Builder routes = builder.routes();

    routes.route(
        "user-credentials",
        r ->
            r.order(-10)
                .path(AUTH_PATHS)
                .and()
                .method(HttpMethod.POST)
                .filters(
                    f ->
                        f.filter(retryAfter(limits.login()))
                            .filter(
                                new RateLimitFilter(loginRateLimiter, RateLimits.credentials())))
                .uri(services.get("user")));

    if (services.containsKey("auction")) {
      routes.route(
          "auction-bids",
          r ->
              r.order(-10)
                  .path("/api/v1/auction/auctions/*/bids", "/api/v1/auction/auctions/*/bids/")
                  .and()
                  .method(HttpMethod.POST)
                  .filters(
                      f ->
                          f.filter(retryAfter(limits.bids()))
                              .filter(
                                  new RateLimitFilter(bidRateLimiter, RateLimits.userOrIp("bids"))))
                  .uri(services.get("auction")));
    }

    services.forEach(
        (service, url) -> {
          routes.route(
              service + "-docs",
              r ->
                  r.order(-5)
                      .path("/api/docs/" + service)
                      .filters(f -> f.setPath("/v3/api-docs"))
                      .uri(url));
          routes.route(
              service,
              r ->
                  r.order(0)
                      .path("/api/v1/" + service + "/**")
                      .filters(
                          f ->
                              f.filter(retryAfter(limits.standard()))
                                  .filter(
                                      new RateLimitFilter(
                                          standardRateLimiter, RateLimits.userOrIp("api"))))
                      .uri(url));
        });
    return routes.build();
  }

  private static GatewayFilter retryAfter(GatewayProperties.Limit limit) {
    long seconds = RateLimits.retryAfterSeconds(limit);
    return (exchange, chain) -> {
      exchange.getAttributes().put(RetryAfterFilter.ATTRIBUTE, seconds);
      return chain.filter(exchange);
    };
  }
}
