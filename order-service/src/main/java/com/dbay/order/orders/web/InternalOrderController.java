package com.dbay.order.orders.web;

import com.dbay.order.orders.OrderService;
import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.problem.FieldProblem;
import com.dbay.platform.starter.servicecall.InternalApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Order creation for auction settlement (row in dbay/internal-endpoints.tsv). Idempotent by the
 * auction (its listing id): 201 the first time, 200 with the same order on every repeat.
 */
@RestController
@RequestMapping("/api/v1/order/internal/orders")
class InternalOrderController {

  private final OrderService orders;

  InternalOrderController(OrderService orders) {
    this.orders = orders;
  }

  record CreateOrder(
      String listingId, String buyerId, String sellerId, Doge price, String source) {}

  @InternalApi(callers = "auction-settlement")
  @PostMapping
  ResponseEntity<OrderView> create(@RequestBody CreateOrder body) {
    List<FieldProblem> problems = new ArrayList<>();
    if (body == null) {
      problems.add(new FieldProblem("body", "is required"));
    } else {
      requireId(problems, "listingId", body.listingId());
      requireId(problems, "buyerId", body.buyerId());
      requireId(problems, "sellerId", body.sellerId());
      if (body.price() == null || !body.price().isPositive()) {
        problems.add(new FieldProblem("price", "must be a positive amount"));
      }
      if (!"auction".equals(body.source())) {
        problems.add(new FieldProblem("source", "must be auction"));
      }
      if (body.buyerId() != null && body.buyerId().equals(body.sellerId())) {
        problems.add(new FieldProblem("buyerId", "must differ from sellerId"));
      }
    }
    if (!problems.isEmpty()) {
      throw new DomainException(
          Kind.INVALID,
          "validation",
          "Invalid request",
          "The order request is invalid.",
          problems,
          Map.of());
    }
    OrderService.Created created =
        orders.createFromAuction(body.listingId(), body.buyerId(), body.sellerId(), body.price());
    return ResponseEntity.status(created.createdNow() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(OrderView.of(created.order()));
  }

  private static void requireId(List<FieldProblem> problems, String field, String value) {
    if (value == null || value.isBlank() || value.length() > 64) {
      problems.add(new FieldProblem(field, "must be 1 to 64 characters"));
    }
  }
}
