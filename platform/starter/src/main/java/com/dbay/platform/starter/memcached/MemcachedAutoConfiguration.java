package com.dbay.platform.starter.memcached;

import java.io.IOException;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.utils.AddrUtil;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A shared {@link MemcachedClient} and the {@code memcached} health indicator, when xmemcached is
 * on the classpath and {@code dbay.memcached.servers} ({@code DBAY_MEMCACHED_SERVERS}) is set. The
 * client connects lazily and reconnects by itself, so a cache that is down at start-up does not
 * stop the service; readiness reports it.
 */
@AutoConfiguration
@ConditionalOnClass(MemcachedClient.class)
// Blank counts as unset, so DBAY_MEMCACHED_SERVERS= switches it off.
@ConditionalOnExpression("!'${dbay.memcached.servers:}'.isBlank()")
@EnableConfigurationProperties(MemcachedProperties.class)
public class MemcachedAutoConfiguration {

  @Bean(destroyMethod = "shutdown")
  @ConditionalOnMissingBean
  MemcachedClient memcachedClient(MemcachedProperties properties) throws IOException {
    XMemcachedClientBuilder builder =
        new XMemcachedClientBuilder(AddrUtil.getAddresses(normalized(properties.servers())));
    builder.setOpTimeout(properties.opTimeout().toMillis());
    builder.setConnectTimeout(2_000);
    return builder.build();
  }

  @Bean
  @ConditionalOnMissingBean(name = "memcachedHealthIndicator")
  MemcachedHealthIndicator memcachedHealthIndicator(
      MemcachedClient client, MemcachedProperties properties) {
    return new MemcachedHealthIndicator(
        client, AddrUtil.getAddresses(normalized(properties.servers())).size());
  }

  /** xmemcached separates servers by spaces; accept commas too, as env lists usually use them. */
  static String normalized(String servers) {
    return servers.trim().replace(',', ' ').replaceAll("\\s+", " ");
  }
}
