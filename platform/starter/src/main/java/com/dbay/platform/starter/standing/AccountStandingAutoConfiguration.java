package com.dbay.platform.starter.standing;

import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.events.EventPattern;
import com.dbay.platform.starter.events.EventSubscriber;
import com.dbay.platform.starter.events.EventsAutoConfiguration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@link AccountStanding} and the subscriber that keeps it, for services that set {@code
 * dbay.account-standing.enabled=true} (those with money or bidding paths). Before the events
 * auto-configuration, so that the event consumer sees this subscriber.
 */
@AutoConfiguration(
    before = EventsAutoConfiguration.class,
    afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnBooleanProperty("dbay.account-standing.enabled")
@ConditionalOnBean(JdbcTemplate.class)
public class AccountStandingAutoConfiguration {

  public static final String SUSPENDED = "UserSuspended";
  public static final String REINSTATED = "UserReinstated";

  @Bean
  @ConditionalOnMissingBean
  AccountStanding accountStanding(JdbcTemplate jdbc) {
    return new AccountStanding(jdbc);
  }

  /** The name is the consumer group: one per service, so every service gets every event. */
  @Bean
  EventSubscriber accountStandingSubscriber(
      AccountStanding standing, @Value("${spring.application.name:app}") String app) {
    return EventSubscriber.of(
        app.replace("-service", "") + ".account-standing",
        EventPattern.source("dbay.user").detailType(SUSPENDED, REINSTATED),
        event -> apply(standing, event));
  }

  static void apply(AccountStanding standing, EventEnvelope event) {
    JsonNode detail = event.detail();
    boolean suspended = SUSPENDED.equals(event.detailType());
    JsonNode at = detail.get(suspended ? "suspendedAt" : "reinstatedAt");
    Instant changedAt;
    if (at == null || at.isNull()) {
      changedAt = event.time();
    } else if (at.isNumber()) {
      // A mapper that writes instants as epoch seconds with a fraction.
      java.math.BigDecimal seconds = at.decimalValue();
      changedAt =
          Instant.ofEpochSecond(
              seconds.longValue(),
              seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).longValue());
    } else {
      changedAt = Instant.parse(at.asString());
    }
    standing.record(detail.get("userId").asString(), suspended, changedAt);
  }
}
