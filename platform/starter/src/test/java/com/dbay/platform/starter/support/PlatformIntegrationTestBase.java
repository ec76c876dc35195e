package com.dbay.platform.starter.support;

import com.dbay.platform.test.TestStores;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context the platform's integration tests share (same configuration, so it starts
 * once per run) against the real stores of the environment contract.
 */
@SpringBootTest(
    classes = PlatformItApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=platform-it",
      "spring.flyway.locations=classpath:db/platform,classpath:db/it",
      // The outbox tests drive relays by hand, to stop them at chosen points.
      "dbay.events.relay.enabled=false",
      "dbay.events.consumer.block=200ms",
      "dbay.events.consumer.reclaim-after=1s",
      "dbay.web.max-body-size=4KB",
      "dbay.idempotency.wait-for-in-progress=10s"
    })
public abstract class PlatformIntegrationTestBase {

  /** A stream of its own per test run, so entries of earlier runs never count. */
  protected static final String STREAM = "dbay:it:" + UUID.randomUUID();

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("platform");
    registry.add("spring.datasource.url", () -> TestStores.jdbcUrl("platform"));
    registry.add("spring.datasource.username", TestStores::pgUser);
    registry.add("spring.datasource.password", TestStores::pgPassword);
    registry.add("spring.data.redis.url", TestStores::redisUrl);
    registry.add("dbay.events.stream", () -> STREAM);
  }
}
