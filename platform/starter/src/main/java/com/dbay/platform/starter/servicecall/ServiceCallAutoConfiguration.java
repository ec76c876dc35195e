package com.dbay.platform.starter.servicecall;

import com.dbay.platform.servicecall.CallerKeys;
import com.dbay.platform.servicecall.ServiceCallSigner;
import com.dbay.platform.servicecall.ServiceCallVerifier;
import com.dbay.platform.starter.web.DbayWebAutoConfiguration;
import com.dbay.platform.starter.web.ProblemWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Service-to-service authentication for every servlet service.
 *
 * <ul>
 *   <li>Verifying: the keys of the callers this part accepts come from {@code
 *       DBAY_TRUSTED_CALLERS_FILE} ({@code dbay.service-calls.trusted-callers-file}); a {@link
 *       CallerKeys} bean replaces the file (e.g. one reading Secrets Manager in AWS).
 *   <li>Calling: this part's own key from {@code DBAY_SERVICE_KEYS_FILE} ({@code
 *       dbay.service-calls.own-keys-file}), under its {@code spring.application.name}; a {@link
 *       ServiceCallSigningInterceptor} bean exists when it does.
 * </ul>
 */
@AutoConfiguration(after = DbayWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceCallAutoConfiguration {

  /** After the body limit, before idempotency (which must see the verified caller). */
  public static final int SERVICE_CALL_ORDER = DbayWebAutoConfiguration.BODY_LIMIT_ORDER + 5;

  private static final Logger log = LoggerFactory.getLogger(ServiceCallAutoConfiguration.class);

  static String part(Environment env) {
    return env.getProperty("spring.application.name", "application");
  }

  /**
   * The keys file (./dbay up, compose) when one is configured; else the {@code DBAY_CALLER_KEY_*}
   * variables, as AWS injects them from Secrets Manager ({@code excluded} left out).
   */
  private static CallerKeys fileKeys(
      Environment env, String property, String variable, String excluded) {
    String file = env.getProperty(property, env.getProperty(variable, ""));
    return file.isBlank()
        ? CallerKeys.fromKeyVariables(System.getenv(), excluded)
        : CallerKeys.fromFile(Path.of(file.strip()));
  }

  @Bean
  @ConditionalOnMissingBean
  ServiceCallVerifier serviceCallVerifier(Environment env, ObjectProvider<CallerKeys> customKeys) {
    CallerKeys keys =
        customKeys.getIfAvailable(
            () ->
                fileKeys(
                    env,
                    "dbay.service-calls.trusted-callers-file",
                    "DBAY_TRUSTED_CALLERS_FILE",
                    part(env)));
    Duration window =
        env.getProperty(
            "dbay.service-calls.window", Duration.class, ServiceCallVerifier.DEFAULT_WINDOW);
    log.info(
        "Internal endpoints of {} accept signed calls from: {}",
        part(env),
        keys.callers().isEmpty() ? "(none configured)" : keys.callers());
    return new ServiceCallVerifier(keys, Clock.systemUTC(), window);
  }

  @Bean
  FilterRegistrationBean<ServiceCallFilter> serviceCallFilter(ServiceCallVerifier verifier) {
    FilterRegistrationBean<ServiceCallFilter> registration =
        new FilterRegistrationBean<>(new ServiceCallFilter(verifier));
    registration.setOrder(SERVICE_CALL_ORDER);
    return registration;
  }

  @Bean
  WebMvcConfigurer internalApiConfigurer(ProblemWriter problems, Environment env) {
    boolean closeUndeclared =
        env.getProperty("dbay.service-calls.close-undeclared-internal", Boolean.class, true);
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry
            .addInterceptor(new InternalApiInterceptor(problems, closeUndeclared))
            .order(Integer.MIN_VALUE);
      }
    };
  }

  @Bean
  InternalApiTableCheck internalApiTableCheck(Environment env) {
    return new InternalApiTableCheck(part(env));
  }

  @Bean
  @ConditionalOnMissingBean
  ServiceCallSigningInterceptor serviceCallSigningInterceptor(Environment env) {
    String part = part(env);
    CallerKeys own =
        fileKeys(env, "dbay.service-calls.own-keys-file", "DBAY_SERVICE_KEYS_FILE", null);
    // A part that calls nobody has no key; signing then fails loudly at the first call, not at
    // start-up.
    return own.key(part)
        .map(
            key ->
                new ServiceCallSigningInterceptor(
                    new ServiceCallSigner(part, key, Clock.systemUTC())))
        .orElseGet(() -> new ServiceCallSigningInterceptor(null));
  }
}
