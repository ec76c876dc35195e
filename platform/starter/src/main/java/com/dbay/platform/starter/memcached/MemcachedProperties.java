package com.dbay.platform.starter.memcached;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param servers {@code host:port} list separated by spaces or commas ({@code
 *     DBAY_MEMCACHED_SERVERS})
 * @param opTimeout how long one cache operation may take before it counts as a miss/failure
 */
@ConfigurationProperties("dbay.memcached")
public record MemcachedProperties(String servers, @DefaultValue("500ms") Duration opTimeout) {}
