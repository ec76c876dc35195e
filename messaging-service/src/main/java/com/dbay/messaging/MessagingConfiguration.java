package com.dbay.messaging;

import com.dbay.messaging.conversation.DisputeAccess;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** No admin reads threads until disputes can tell who handles one (see DisputeAccess). */
  @Bean
  @ConditionalOnMissingBean
  DisputeAccess disputeAccess() {
    return DisputeAccess.NONE;
  }
}
