package com.dbay.order.offers.web;

import com.dbay.order.offers.OfferService;
import com.dbay.order.orders.ShippingAddress;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.problem.FieldProblem;
import com.dbay.platform.starter.identity.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Best Offer: {@code POST /api/v1/order/offers} (the buyer) and the answers on {@code
 * /api/v1/order/offers/{id}/accept|decline|counter|withdraw}, each with an Idempotency-Key. The
 * keys are kept with the offers ({@code offers.idempotency_key}, {@code offer_steps}) rather than
 * by the platform's {@code @Idempotent}, whose request-long transaction would hold a connection
 * across the wallet and listing calls (as for checkout). Only the buyer and the seller see an
 * offer; anyone else gets 404.
 */
@RestController
@RequestMapping("/api/v1/order/offers")
class OfferController {

  static final int MAX_PAGE = 100;

  private final OfferService offers;

  OfferController(OfferService offers) {
    this.offers = offers;
  }

  record OfferRequest(
      String listingId,
      String amount,
      Integer quantity,
      String shippingService,
      ShippingAddress shippingAddress,
      String message) {}

  record CounterRequest(String amount) {}

  record OfferList(String role, List<OfferView> items) {}

  @PostMapping
  ResponseEntity<OfferView> make(
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody(required = false) OfferRequest body,
      @CurrentUser Identity buyer) {
    OfferRequest b = body == null ? new OfferRequest(null, null, null, null, null, null) : body;
    OfferService.Made made =
        offers.make(
            buyer,
            key,
            new OfferService.Proposal(
                b.listingId(),
                b.amount(),
                b.quantity(),
                b.shippingService(),
                b.shippingAddress(),
                b.message()));
    return ResponseEntity.status(made.createdNow() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(OfferView.of(made.offer(), buyer.userId()));
  }

  /** {@code role=buyer}: the offers the caller sent; {@code seller}: those they received. */
  @GetMapping
  OfferList list(
      @RequestParam(defaultValue = "buyer") String role,
      @RequestParam(defaultValue = "50") int limit,
      @CurrentUser Identity user) {
    if (!role.equals("buyer") && !role.equals("seller")) {
      throw invalid("role", "must be buyer or seller");
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw invalid("limit", "must be between 1 and " + MAX_PAGE);
    }
    return new OfferList(
        role,
        offers.of(user.userId(), role.equals("seller"), limit).stream()
            .map(o -> OfferView.of(o, user.userId()))
            .toList());
  }

  @GetMapping("/{id}")
  OfferView one(@PathVariable String id, @CurrentUser Identity user) {
    return OfferView.of(offers.visible(id, user.userId()), user.userId());
  }

  @PostMapping("/{id}/accept")
  OfferView accept(
      @PathVariable String id,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @CurrentUser Identity user) {
    return OfferView.of(offers.accept(user, key, id), user.userId());
  }

  @PostMapping("/{id}/decline")
  OfferView decline(
      @PathVariable String id,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @CurrentUser Identity user) {
    return OfferView.of(offers.decline(user, key, id), user.userId());
  }

  @PostMapping("/{id}/withdraw")
  OfferView withdraw(
      @PathVariable String id,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @CurrentUser Identity user) {
    return OfferView.of(offers.withdraw(user, key, id), user.userId());
  }

  @PostMapping("/{id}/counter")
  OfferView counter(
      @PathVariable String id,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody(required = false) CounterRequest body,
      @CurrentUser Identity user) {
    return OfferView.of(
        offers.counter(user, key, id, body == null ? null : body.amount()), user.userId());
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
