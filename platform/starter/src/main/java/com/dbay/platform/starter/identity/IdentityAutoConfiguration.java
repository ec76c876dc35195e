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
 * Every servlet service gets the gateway-proof check and {@code @CurrentUser}. The secret is {@code
 * dbay.identity.gateway-secret}, else the {@code DBAY_GATEWAY_SECRET} environment variable (Secrets
 * Manager in AWS). The committed development default is refused unless {@code
 * dbay.identity.allow-development-secret} is true (set by {@code dbay-platform-test}, which only
 * tests have): anyone can read it in the source and mint the gateway's proof with it.
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
    String secret =
        env.getProperty(
            "dbay.identity.gateway-secret", env.getProperty("DBAY_GATEWAY_SECRET", DEV_SECRET));
    if (DEV_SECRET.equals(secret)
        && !env.getProperty("dbay.identity.allow-development-secret", Boolean.class, false)) {
      throw new IllegalStateException(
          "refusing to start with the committed development gateway secret: set DBAY_GATEWAY_SECRET"
              + " (./dbay up generates one in .dbay/secrets/gateway-secret; Secrets Manager in AWS)");
    }
    Duration skew =
        env.getProperty("dbay.identity.max-skew", Duration.class, GatewayProof.DEFAULT_MAX_SKEW);
    return new GatewayProof(secret, java.time.Clock.systemUTC(), skew);
  }

  @Bean
  FilterRegistrationBean<GatewayIdentityFilter> gatewayIdentityFilter(GatewayProof proof) {
    FilterRegistrationBean<GatewayIdentityFilter> registration =
        new FilterRegistrationBean<>(new GatewayIdentityFilter(proof));
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
