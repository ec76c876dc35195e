package com.dbay.platform.starter.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.test.TestStores;
import java.util.UUID;
import net.rubyeye.xmemcached.MemcachedClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Memcached client and health indicator against the real Memcached of the environment contract.
 */
class MemcachedAutoConfigurationIT {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MemcachedAutoConfiguration.class));

  @Test
  void writesAndReadsBackThroughTheConfiguredServers() {
    runner
        .withPropertyValues("dbay.memcached.servers=" + TestStores.memcachedServers())
        .run(
            context -> {
              MemcachedClient client = context.getBean(MemcachedClient.class);
              String key = "h1-it-" + UUID.randomUUID();

              assertThat(client.set(key, 60, "categories-v1")).isTrue();
              assertThat(client.<String>get(key)).isEqualTo("categories-v1");
              assertThat(context.getBean(MemcachedHealthIndicator.class).health(true).getStatus())
                  .isEqualTo(Status.UP);
            });
  }

  @Test
  void isDownWhenTheServerDoesNotAnswer() {
    runner
        .withPropertyValues("dbay.memcached.servers=127.0.0.1:1")
        .run(
            context ->
                assertThat(context.getBean(MemcachedHealthIndicator.class).health(true).getStatus())
                    .isEqualTo(Status.DOWN));
  }

  @Test
  void staysOffWithoutServers() {
    runner
        .withPropertyValues("dbay.memcached.servers=")
        .run(context -> assertThat(context).doesNotHaveBean(MemcachedClient.class));
  }
}
