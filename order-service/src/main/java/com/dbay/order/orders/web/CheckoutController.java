package com.dbay.order.orders.web;

import com.dbay.order.orders.CheckoutService;
import com.dbay.order.orders.ShippingAddress;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Buying a fixed-price item: {@code POST /api/v1/order/checkout} with an Idempotency-Key: 201 with
 * the order, paid into escrow; the same key again 200 with the same order (a double click never
 * buys twice). The key is kept by the checkout itself ({@code checkout_attempt}) rather than by the
 * platform's {@code @Idempotent}, whose one request-long transaction would hold a database
 * connection across the calls to listing-service and the wallet.
 */
@RestController
@RequestMapping("/api/v1/order/checkout")
class CheckoutController {

  private final CheckoutService checkout;

  CheckoutController(CheckoutService checkout) {
    this.checkout = checkout;
  }

  /**
   * @param quantity units to buy (default 1)
   * @param shippingService one of the listing's shipping services; null takes the cheapest
   */
  record CheckoutRequest(
      String listingId,
      Integer quantity,
      String shippingService,
      ShippingAddress shippingAddress) {}

  @PostMapping
  ResponseEntity<OrderView> checkout(
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody(required = false) CheckoutRequest body,
      @CurrentUser Identity buyer) {
    CheckoutRequest b = body == null ? new CheckoutRequest(null, null, null, null) : body;
    CheckoutService.Bought bought =
        checkout.checkout(
            buyer, key, b.listingId(), b.quantity(), b.shippingService(), b.shippingAddress());
    return ResponseEntity.status(bought.createdNow() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(OrderView.of(bought.order()));
  }
}
