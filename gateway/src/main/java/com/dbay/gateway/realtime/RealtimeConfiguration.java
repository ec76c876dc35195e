package com.dbay.gateway.realtime;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

@Configuration(proxyBeanMethods = false)
public class RealtimeConfiguration {

  /** Ahead of the SPA's fallback and the proxy routes: {@code /ws} is answered here. */
  @Bean
  HandlerMapping realtimeMapping(ReactiveJwtDecoder decoder) {
    return new SimpleUrlHandlerMapping(
        Map.of("/ws", new RealtimeHandler(decoder)), Ordered.HIGHEST_PRECEDENCE);
  }
}
