package com.dbay.gateway.realtime;

import com.dbay.gateway.identity.IdentityHeadersFilter;
import com.dbay.platform.identity.Identity;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

@Configuration(proxyBeanMethods = false)
public class RealtimeConfiguration {

  /**
   * @param bufferFrames frames buffered per socket before its client counts as too slow and is
   *     dropped ({@code dbay.gateway.realtime.buffer-frames})
   */
  @Bean
  RealtimeFanout realtimeFanout(
      ReactiveRedisConnectionFactory redis,
      @Value("${dbay.gateway.realtime.buffer-frames:256}") int bufferFrames) {
    return new RealtimeFanout(redis, bufferFrames);
  }

  /** Ahead of the SPA's fallback and the proxy routes: {@code /ws} is answered here. */
  @Bean
  HandlerMapping realtimeMapping(
      ReactiveJwtDecoder decoder, IdentityHeadersFilter identities, RealtimeFanout fanout) {
    return new SimpleUrlHandlerMapping(
        Map.of(
            "/ws",
            new RealtimeHandler(
                decoder, jwt -> identities.identityOf(jwt).map(Identity::userId), fanout)),
        Ordered.HIGHEST_PRECEDENCE);
  }
}
