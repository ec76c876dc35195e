package com.dbay.order.orders.web;

import com.dbay.order.orders.OrderService;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.problem.FieldProblem;
import com.dbay.platform.starter.identity.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's orders (DESIGN §3: {@code GET /api/v1/order/orders?role=buyer|seller}). */
@RestController
@RequestMapping("/api/v1/order/orders")
class OrderController {

  private final OrderService orders;

  OrderController(OrderService orders) {
    this.orders = orders;
  }

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
