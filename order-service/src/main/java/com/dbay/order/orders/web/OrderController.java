package com.dbay.order.orders.web;

import com.dbay.order.orders.OrderService;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.problem.FieldProblem;
import com.dbay.platform.starter.idempotency.Idempotent;
import com.dbay.platform.starter.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's orders (DESIGN §3: {@code GET /api/v1/order/orders?role=buyer|seller}) and their
 * lifecycle steps. Steps that change an order take an Idempotency-Key: the same key answers the
 * first answer again; a new request for a step already taken is a 409.
 */
@RestController
@RequestMapping("/api/v1/order/orders")
class OrderController {

  private final OrderService orders;

  OrderController(OrderService orders) {
    this.orders = orders;
  }

  static final String KEY =
      "One new key per intended action; the same key repeats the first answer";

  record OrderList(String role, List<OrderView> items) {}

  @GetMapping
  OrderList mine(
      @RequestParam(defaultValue = "buyer") String role,
      @RequestParam(defaultValue = "50") int limit,
      @CurrentUser Identity caller) {
    if (!role.equals("buyer") && !role.equals("seller")) {
      throw invalid("role", "must be buyer or seller");
    }
    if (limit < 1 || limit > OrderService.MAX_PAGE) {
      throw invalid("limit", "must be between 1 and " + OrderService.MAX_PAGE);
    }
    return new OrderList(
        role,
        orders.mine(caller, role.equals("buyer"), limit).stream().map(OrderView::of).toList());
  }

  @GetMapping("/{orderId}")
  OrderView order(@PathVariable String orderId, @CurrentUser Identity caller) {
    return OrderView.of(orders.get(orderId, caller));
  }

  record ShipRequest(String carrier, String trackingNumber) {}

  /** The seller ships: carrier and tracking number; only a paid order. */
  @Idempotent
  @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true, description = KEY)
  @PostMapping("/{orderId}/ship")
  OrderView ship(
      @PathVariable String orderId,
      @RequestBody(required = false) ShipRequest body,
      @CurrentUser Identity caller) {
    ShipRequest b = body == null ? new ShipRequest(null, null) : body;
    return OrderView.of(orders.ship(orderId, caller, b.carrier(), b.trackingNumber()));
  }

  /** The buyer confirms receipt: the escrow is released to the seller minus the fee. */
  @Idempotent
  @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true, description = KEY)
  @PostMapping("/{orderId}/confirm-receipt")
  OrderView confirmReceipt(@PathVariable String orderId, @CurrentUser Identity caller) {
    return OrderView.of(orders.confirmReceipt(orderId, caller));
  }

  /** The buyer cancels an order unshipped after 3 business days: the escrow is refunded. */
  @Idempotent
  @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true, description = KEY)
  @PostMapping("/{orderId}/cancel")
  OrderView cancel(@PathVariable String orderId, @CurrentUser Identity caller) {
    return OrderView.of(orders.cancel(orderId, caller));
  }

  private static DomainException invalid(String field, String message) {
    return new DomainException(
        Kind.INVALID,
        "validation",
        "Invalid request",
        field + " " + message + ".",
        List.of(new FieldProblem(field, message)),
        Map.of());
  }
}
