package com.dbay.platform.starter.idempotency;

import com.dbay.platform.starter.retention.PeriodicPurge;
import com.dbay.platform.starter.web.DbayWebAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@link Idempotent} for every servlet service with a database (the keys live in its PostgreSQL).
 */
@AutoConfiguration(
    after = DbayWebAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
      "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({JdbcTemplate.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  IdempotencyStore idempotencyStore(JdbcTemplate jdbc) {
    return new IdempotencyStore(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  IdempotencyScopeResolver idempotencyScopeResolver() {
    return IdempotencyScopeResolver.standard();
  }

  /**
   * Forgets keys past their retention, every ten minutes, on every instance (deletes are
   * idempotent).
   */
  @Bean
  org.springframework.context.SmartLifecycle idempotencyKeyPurger(
      IdempotencyStore store, IdempotencyProperties properties) {
    return new PeriodicPurge(
        "idempotency keys older than " + properties.retention(),
        () -> store.purgeOlderThan(properties.retention()),
        java.time.Duration.ofMinutes(10));
  }

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      IdempotencyStore store, PlatformTransactionManager transactions) {
    var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, transactions));
    registration.setOrder(DbayWebAutoConfiguration.IDEMPOTENCY_ORDER);
    return registration;
  }

  @Bean
  WebMvcConfigurer idempotencyInterceptorConfigurer(
      IdempotencyStore store,
      IdempotencyScopeResolver scopes,
      IdempotencyProperties properties,
      PlatformTransactionManager transactions) {
    IdempotencyInterceptor interceptor =
        new IdempotencyInterceptor(store, scopes, properties, transactions);
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor);
      }
    };
  }
}
