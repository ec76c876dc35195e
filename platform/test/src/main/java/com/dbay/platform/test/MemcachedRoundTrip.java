package com.dbay.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import net.rubyeye.xmemcached.MemcachedClient;
import org.junit.jupiter.api.Test;

/**
 * For a {@link ServiceApplicationContract} of a service with a warm cache: a round trip to
 * Memcached.
 */
public interface MemcachedRoundTrip extends StoreRoundTrip {

  @Test
  default void writesAndReadsBackFromMemcached() throws Exception {
    MemcachedClient memcached = context().getBean(MemcachedClient.class);
    String key = "it-" + service() + "-" + UUID.randomUUID();

    assertThat(memcached.set(key, 60, "round-trip")).isTrue();
    assertThat(memcached.<String>get(key)).isEqualTo("round-trip");
    memcached.delete(key);
  }
}
