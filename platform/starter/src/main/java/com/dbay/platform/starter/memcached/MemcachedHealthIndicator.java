package com.dbay.platform.starter.memcached;

import java.net.InetSocketAddress;
import java.util.Map;
import net.rubyeye.xmemcached.MemcachedClient;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** UP when every configured Memcached server answers {@code version}. */
public class MemcachedHealthIndicator extends AbstractHealthIndicator {

  private final MemcachedClient client;
  private final int expectedServers;

  public MemcachedHealthIndicator(MemcachedClient client, int expectedServers) {
    super("Memcached health check failed");
    this.client = client;
    this.expectedServers = expectedServers;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    Map<InetSocketAddress, String> versions = client.getVersions(2_000);
    builder.withDetail("servers", versions.size() + "/" + expectedServers);
    versions.forEach(
        (address, version) ->
            builder.withDetail(address.getHostString() + ":" + address.getPort(), version));
    if (versions.size() < expectedServers) {
      builder.down();
    } else {
      builder.up();
    }
  }
}
