package com.dbay.listing;

import java.time.Clock;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ListingConfiguration {

  /**
   * Microsecond ticks: what PostgreSQL stores, so a listing reads back exactly as it was written.
   */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
  }

  /**
   * Text fields take JSON strings only: a price sent as the number {@code 12.5} has been through a
   * binary float in a JavaScript client, so it is refused (400) rather than quietly turned into
   * text.
   */
  @Bean
  JsonMapperBuilderCustomizer stringsAreStrings() {
    return builder ->
        builder.withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
