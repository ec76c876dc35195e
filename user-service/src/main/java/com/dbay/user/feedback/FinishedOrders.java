package com.dbay.user.feedback;

import com.dbay.platform.events.EventPattern;
import com.dbay.platform.starter.events.EventSubscriber;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why an event and not a call to order-service: feedback opens when an order finishes, an event
 * order-service publishes anyway (with both parties in its detail); keeping the finished orders
 * here lets feedback be left and checked while order-service is down, and adds no internal
 * endpoint. OrderCompleted (release to the seller) and DisputeRuled (a ruling) both finish an
 * order.
 */
@Configuration(proxyBeanMethods = false)
class FinishedOrders {

  @Bean
  EventSubscriber userFeedbackOrders(FeedbackService feedback, JsonMapper json) {
    return EventSubscriber.of(
        "user.feedback-orders",
        EventPattern.source("dbay.order").detailType("OrderCompleted", "DisputeRuled"),
        event -> feedback.orderFinished(event.detailAs(FinishedOrder.class, json), event.time()));
  }
}
