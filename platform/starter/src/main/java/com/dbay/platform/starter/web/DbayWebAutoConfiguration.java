package com.dbay.platform.starter.web;

import com.dbay.platform.starter.correlation.CorrelationIdFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem documents for every error, the request body limit and the correlation id, for every
 * servlet service. Runs before Boot's error handling so that {@code /error} is ours too.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
    afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(DbayWebProperties.class)
@Import({ProblemExceptionHandler.class, ProblemErrorController.class})
public class DbayWebAutoConfiguration {

  /** Filter order: correlation id first (so every later log line has it), then the size limit. */
  public static final int CORRELATION_ORDER = Ordered.HIGHEST_PRECEDENCE;

  public static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
  public static final int IDEMPOTENCY_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

  @Bean
  @ConditionalOnMissingBean
  ProblemWriter problemWriter(JsonMapper mapper) {
    return new ProblemWriter(mapper);
  }

  /** Registered by Boot into the service's JSON mapper: NUL characters in text are a 400. */
  @Bean
  NoNulTextModule noNulTextModule() {
    return new NoNulTextModule();
  }

  /** Tomcat's own errors (before the application sees the request) as problem documents too. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
  static class TomcatProblems {

    @Bean
    TomcatProblemCustomizer tomcatProblemCustomizer() {
      return new TomcatProblemCustomizer();
    }
  }

  @Bean
  FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
    var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
    registration.setOrder(CORRELATION_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
      DbayWebProperties properties, ProblemWriter problems) {
    var registration =
        new FilterRegistrationBean<>(
            new BodySizeLimitFilter(properties.maxBodySize().toBytes(), problems));
    registration.setOrder(BODY_LIMIT_ORDER);
    return registration;
  }
}
