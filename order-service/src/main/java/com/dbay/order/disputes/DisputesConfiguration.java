package com.dbay.order.disputes;

import com.dbay.platform.events.EventPattern;
import com.dbay.platform.starter.events.EventSubscriber;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * DisputeWorkflow's human steps reach order-service as events carrying a task token
 * (DisputeAwaitingSeller: the seller's 3 days; DisputeEscalated: the admin's ruling). The
 * workflow's own DisputeRuled (dbay.serverless) needs no consumer: order-service moved the escrow
 * and published its DisputeRuled (dbay.order) before answering the token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DisputeProperties.class)
class DisputesConfiguration {

  record TokenDetail(String disputeId, String orderId, String taskToken) {}

  @Bean
  EventSubscriber orderDisputeAwaitingSeller(
      DisputeService disputes, tools.jackson.databind.json.JsonMapper json) {
    return EventSubscriber.of(
        "order.dispute-awaiting-seller",
        EventPattern.source("dbay.serverless").detailType("DisputeAwaitingSeller"),
        event -> {
          TokenDetail d = event.detailAs(TokenDetail.class, json);
          disputes.awaitingSeller(d.disputeId(), d.taskToken());
        });
  }

  @Bean
  EventSubscriber orderDisputeEscalated(
      DisputeService disputes, tools.jackson.databind.json.JsonMapper json) {
    return EventSubscriber.of(
        "order.dispute-escalated",
        EventPattern.source("dbay.serverless").detailType("DisputeEscalated"),
        event -> {
          TokenDetail d = event.detailAs(TokenDetail.class, json);
          disputes.escalatedByWorkflow(d.disputeId(), d.taskToken());
        });
  }
}
