package com.dbay.lambda.localruntime.s3;

import com.dbay.lambda.localruntime.ServerlessProperties;
import com.dbay.lambda.localruntime.functions.FunctionRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Watches the object store only when one is configured (dbay.serverless.s3.endpoint) or a lister is
 * given.
 */
@Configuration(proxyBeanMethods = false)
class ObjectNotificationsConfiguration {

  @Bean
  @ConditionalOnExpression("!'${dbay.serverless.s3.endpoint:}'.isBlank()")
  S3ObjectLister s3ObjectLister(ServerlessProperties properties) {
    return new S3ObjectLister(properties.s3());
  }

  @Bean
  ObjectCreatedNotifier objectCreatedNotifier(
      ObjectProvider<ObjectLister> lister,
      JdbcTemplate jdbc,
      FunctionRegistry functions,
      ServerlessProperties properties) {
    ObjectLister available = lister.getIfAvailable();
    return available == null
        ? null
        : new ObjectCreatedNotifier(available, jdbc, functions, properties);
  }
}
