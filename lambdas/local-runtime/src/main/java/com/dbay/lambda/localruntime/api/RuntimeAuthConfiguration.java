package com.dbay.lambda.localruntime.api;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The runtime's credentials: {@code DBAY_RUNTIME_ACCESS_KEY_ID} / {@code
 * DBAY_RUNTIME_SECRET_ACCESS_KEY} (generated per install by {@code ./dbay up}, handed over as a
 * Spring config tree). Without them the runtime does not start: an open Lambda Invoke returns
 * signed transactions to anybody.
 */
@Configuration(proxyBeanMethods = false)
class RuntimeAuthConfiguration {

  @Bean
  FilterRegistrationBean<SigV4AuthFilter> sigV4AuthFilter(Environment env) {
    String keyId =
        env.getProperty(
            "dbay.serverless.auth.access-key-id",
            env.getProperty("DBAY_RUNTIME_ACCESS_KEY_ID", ""));
    String secret =
        env.getProperty(
            "dbay.serverless.auth.secret-access-key",
            env.getProperty("DBAY_RUNTIME_SECRET_ACCESS_KEY", ""));
    if (keyId.isBlank() || secret.isBlank()) {
      throw new IllegalStateException(
          "the serverless runtime needs its credentials: DBAY_RUNTIME_ACCESS_KEY_ID and DBAY_RUNTIME_SECRET_ACCESS_KEY"
              + " (./dbay up generates them in .dbay/secrets/)");
    }
    FilterRegistrationBean<SigV4AuthFilter> registration =
        new FilterRegistrationBean<>(
            new SigV4AuthFilter(
                new SigV4Verifier(keyId.strip(), secret.strip(), Clock.systemUTC())));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
