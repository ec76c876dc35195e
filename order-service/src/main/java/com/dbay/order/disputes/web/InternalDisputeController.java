package com.dbay.order.disputes.web;

import com.dbay.order.disputes.Dispute;
import com.dbay.order.disputes.DisputeService;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.servicecall.InternalApi;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether an order is in dispute, for messaging-service (row in dbay/internal-endpoints.tsv): an
 * ADMIN may read the parties' thread only while its order has an open dispute (not yet ruled), the
 * one an administrator handles. Asked by {@code orderId}, or by {@code listingId} and {@code
 * buyerId} (a thread is one buyer's about one listing; it names no order when it started on the
 * listing's page). Only ids, parties and status: nothing of the dispute's content.
 */
@RestController
@RequestMapping("/api/v1/order/internal/disputes")
class InternalDisputeController {

  private final DisputeService disputes;

  InternalDisputeController(DisputeService disputes) {
    this.disputes = disputes;
  }

  record Item(
      String disputeId,
      String orderId,
      String listingId,
      String buyerId,
      String sellerId,
      String status,
      boolean open) {}

  record Items(List<Item> items) {}

  @InternalApi(callers = "messaging-service")
  @GetMapping
  Items find(
      @RequestParam(required = false) String orderId,
      @RequestParam(required = false) String listingId,
      @RequestParam(required = false) String buyerId) {
    if (orderId != null) {
      if (listingId != null || buyerId != null) {
        throw DomainException.invalid(
            "validation", "orderId", "ask by orderId, or by listingId and buyerId, not both");
      }
      requireId("orderId", orderId);
    } else {
      requireId("listingId", listingId);
      requireId("buyerId", buyerId);
    }
    return new Items(
        disputes.onOrders(orderId, listingId, buyerId).stream()
            .map(
                d ->
                    new Item(
                        d.disputeId(),
                        d.orderId(),
                        d.listingId(),
                        d.buyerId(),
                        d.sellerId(),
                        d.status(),
                        !Dispute.Status.RULED.name().equals(d.status())))
            .toList());
  }

  private static void requireId(String field, String value) {
    if (value == null || value.isBlank() || value.length() > 64) {
      throw DomainException.invalid("validation", field, "must be 1 to 64 characters");
    }
  }
}
