package com.dbay.messaging.conversation;

import com.dbay.platform.starter.servicecall.ServiceCallSigningInterceptor;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@link DisputeAccess} asking order-service's internal {@code GET /api/v1/order/internal/disputes}
 * (signed as messaging-service; row in dbay/internal-endpoints.tsv): a thread names its order, or
 * else is one buyer's about one listing, and order-service tells whether such an order of theirs
 * with this seller is in an open (not yet ruled) dispute. Every admin may handle every open dispute
 * (the admin console's queue), so that is the whole rule. Asked on each admin read, never cached: a
 * ruling closes the thread to admins at once. order-service not answering: refused (the thread
 * answers 404, as to anyone else).
 */
@Component
class OrderDisputeAccess implements DisputeAccess {

  private static final Logger log = LoggerFactory.getLogger(OrderDisputeAccess.class);

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OrderDispute(
      String disputeId,
      String orderId,
      String listingId,
      String buyerId,
      String sellerId,
      String status,
      boolean open) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OrderDisputes(List<OrderDispute> items) {}

  private final RestClient order;

  OrderDisputeAccess(MessagingProperties properties, ServiceCallSigningInterceptor signing) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.orderTimeout())
                .build());
    requests.setReadTimeout(properties.orderTimeout());
    this.order =
        RestClient.builder()
            .baseUrl(properties.orderUrl().toString())
            .requestFactory(requests)
            .requestInterceptor(signing)
            .build();
  }

  @Override
  public boolean adminMayRead(String adminId, Conversation thread) {
    return openDispute(thread).isPresent();
  }

  /** The open dispute that lets an admin read this thread, if any. */
  private Optional<OrderDispute> openDispute(Conversation thread) {
    return disputes(thread.orderId(), thread.listingId(), thread.buyerId()).stream()
        .filter(
            d ->
                d.open()
                    && thread.buyerId().equals(d.buyerId())
                    && thread.sellerId().equals(d.sellerId())
                    && thread.listingId().equals(d.listingId())
                    && (thread.orderId() == null || thread.orderId().equals(d.orderId())))
        .findFirst();
  }

  @Override
  public Optional<DisputedOrder> openDisputeOn(String orderId) {
    return disputes(orderId, null, null).stream()
        .filter(d -> d.open() && orderId.equals(d.orderId()))
        .map(d -> new DisputedOrder(d.orderId(), d.listingId(), d.buyerId(), d.sellerId()))
        .findFirst();
  }

  private List<OrderDispute> disputes(String orderId, String listingId, String buyerId) {
    try {
      OrderDisputes answer =
          order
              .get()
              .uri(
                  b -> {
                    b.path("/api/v1/order/internal/disputes");
                    if (orderId != null) {
                      b.queryParam("orderId", orderId);
                    } else {
                      b.queryParam("listingId", listingId).queryParam("buyerId", buyerId);
                    }
                    return b.build();
                  })
              .retrieve()
              .body(OrderDisputes.class);
      return answer == null || answer.items() == null ? List.of() : answer.items();
    } catch (RestClientException e) {
      log.warn("order-service not asked about disputes (admins are refused): {}", e.toString());
      return List.of();
    }
  }
}
