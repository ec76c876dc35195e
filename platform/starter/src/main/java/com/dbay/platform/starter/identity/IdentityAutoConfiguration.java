package com.dbay.platform.starter.identity;

import com.dbay.platform.identity.GatewayProof;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every servlet service gets the gateway-proof check and {@code @CurrentUser}. The secret is
 * {@code dbay.identity.gateway-secret}, else the {@code DBAY_GATEWAY_SECRET} environment variable
 * (Secrets Manager in AWS), else a development default that only the local gateway knows too.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(IdentityProblemAdvice.class)
public class IdentityAutoConfiguration {

  /** Shared with the gateway's default; never used outside a developer's machine. */
  public static final String DEV_SECRET = "dbay-dev-gateway-secret-not-for-production-0123456789";

  @Bean
  @ConditionalOnMissingBean
  GatewayProof gatewayProof(Environment env) {
    String secret = env.getProperty(
        "dbay.identity.gateway-secret", env.getProperty("DBAY_GATEWAY_SECRET", DEV_SECRET));
    Duration skew = env.getProperty("dbay.identity.max-skew", Duration.class, GatewayProof.DEFAULT_MAX_SKEW);
    return new GatewayProof(secret, java.time.Clock.systemUTC(), skew);
  }

  @Bean
  FilterRegistrationBean<GatewayIdentityFilter> gatewayIdentityFilter(GatewayProof proof) {
    FilterRegistrationBean<GatewayIdentityFilter> registration = new FilterRegistrationBean<>(new GatewayIdentityFilter(proof));
    // Early, so that logging, rate limits and controllers all see the same caller.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  WebMvcConfigurer currentUserConfigurer() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
      }
    };
  }
}
