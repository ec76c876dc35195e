package com.dbay.platform.starter.events;

import com.dbay.platform.starter.retention.PeriodicPurge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox, relay, bus and subscribers for every service with a database. The bus is chosen by {@code
 * dbay.events.bus} ({@code DBAY_EVENTS_BUS}): {@code redis} (default) or {@code eventbridge}.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
      "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
      "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
    })
@ConditionalOnBean({JdbcTemplate.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  OutboxRelayHolder outboxRelayHolder() {
    return new OutboxRelayHolder();
  }

  @Bean
  @ConditionalOnMissingBean
  Outbox outbox(
      JdbcTemplate jdbc,
      JsonMapper mapper,
      EventsProperties properties,
      Environment environment,
      OutboxRelayHolder relay) {
    return new Outbox(jdbc, mapper, source(properties, environment), relay::wakeUp);
  }

  @Bean
  @ConditionalOnMissingBean
  EventDispatcher eventDispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return new EventDispatcher(jdbc, new TransactionTemplate(transactions));
  }

  /** Only where events are consumed (there are subscribers) does the table of handled ids grow. */
  @Bean
  @ConditionalOnBean(EventSubscriber.class)
  PeriodicPurge processedEventsPurge(EventDispatcher dispatcher, EventsProperties properties) {
    Duration retention = properties.consumer().dedupeRetention();
    return new PeriodicPurge(
        "processed event ids older than " + retention,
        () -> dispatcher.forgetProcessedBefore(Instant.now().minus(retention)),
        Duration.ofHours(1));
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(EventBus.class)
  @ConditionalOnBooleanProperty(name = "dbay.events.relay.enabled", matchIfMissing = true)
  OutboxRelay outboxRelay(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      EventBus bus,
      JsonMapper mapper,
      EventsProperties properties,
      OutboxRelayHolder holder) {
    OutboxRelay relay =
        new OutboxRelay(
            jdbc, new TransactionTemplate(transactions), bus, mapper, properties.relay());
    holder.set(relay);
    return relay;
  }

  static String source(EventsProperties properties, Environment environment) {
    if (properties.source() != null && !properties.source().isBlank()) {
      return properties.source();
    }
    String app = environment.getProperty("spring.application.name", "unknown");
    return "dbay." + app.replaceFirst("-service$", "");
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(StringRedisTemplate.class)
  @ConditionalOnProperty(name = "dbay.events.bus", havingValue = "redis", matchIfMissing = true)
  static class RedisBus {

    @Bean
    @ConditionalOnMissingBean(EventBus.class)
    @ConditionalOnBean(StringRedisTemplate.class)
    RedisStreamsEventBus redisStreamsEventBus(
        StringRedisTemplate redis, JsonMapper mapper, EventsProperties properties) {
      return new RedisStreamsEventBus(redis, mapper, properties.stream());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({RedisConnectionFactory.class, EventSubscriber.class})
    @ConditionalOnBooleanProperty(name = "dbay.events.consumer.enabled", matchIfMissing = true)
    RedisStreamsEventConsumer redisStreamsEventConsumer(
        RedisConnectionFactory connections,
        EventDispatcher dispatcher,
        JsonMapper mapper,
        List<EventSubscriber> subscribers,
        EventsProperties properties,
        Environment environment) {
      return new RedisStreamsEventConsumer(
          connections,
          dispatcher,
          mapper,
          subscribers,
          properties.stream(),
          properties.consumer(),
          environment.getProperty("spring.application.name", "dbay"));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(EventBridgeClient.class)
  @ConditionalOnProperty(name = "dbay.events.bus", havingValue = "eventbridge")
  static class EventBridgeBus {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EventBridgeClient eventBridgeClient(EventsProperties properties) {
      var builder = EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create());
      var settings = properties.eventbridge();
      if (settings.region() != null && !settings.region().isBlank()) {
        builder.region(Region.of(settings.region()));
      }
      if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
        builder.endpointOverride(java.net.URI.create(settings.endpoint()));
      }
      return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean(EventBus.class)
    EventBridgeEventBus eventBridgeEventBus(
        EventBridgeClient client, JsonMapper mapper, EventsProperties properties) {
      return new EventBridgeEventBus(client, mapper, properties.eventbridge().busName());
    }
  }

  /**
   * Lets the {@link Outbox} wake the relay after a commit without depending on it (the relay may be
   * disabled on this instance, or absent in tests).
   */
  static final class OutboxRelayHolder {
    private volatile OutboxRelay relay;

    void set(OutboxRelay relay) {
      this.relay = relay;
    }

    void wakeUp() {
      OutboxRelay r = relay;
      if (r != null) {
        r.wakeUp();
      }
    }
  }
}
