package com.dbay.platform.starter.mongo;

import com.mongodb.client.MongoClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link MongoPingHealthIndicator} under the name Boot's indicator would have ({@code
 * mongo}); Boot's then backs off because a bean of that name exists.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
    beforeName =
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass({
  MongoClient.class,
  org.springframework.boot.health.contributor.HealthIndicator.class
})
@ConditionalOnBean(MongoClient.class)
public class MongoPingHealthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = {"mongoHealthIndicator", "mongoHealthContributor"})
  MongoPingHealthIndicator mongoHealthContributor(MongoClient client) {
    return new MongoPingHealthIndicator(client);
  }
}
