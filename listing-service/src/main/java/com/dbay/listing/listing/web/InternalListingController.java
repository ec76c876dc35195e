package com.dbay.listing.listing.web;

import com.dbay.listing.listing.Listing;
import com.dbay.listing.listing.ListingService;
import com.dbay.listing.listing.ListingSnapshot;
import com.dbay.listing.listing.Purchases;
import com.dbay.listing.shared.Refusal;
import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.servicecall.InternalApi;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For other parts only: each endpoint names its signed callers ({@code @InternalApi}, rows in
 * platform/core dbay/internal-endpoints.tsv); never routed by the gateway.
 */
@RestController
@RequestMapping("/api/v1/listing/internal")
class InternalListingController {

  record Page(List<ListingSnapshot> items, String nextCursor) {}

  /** What the auction service needs to run the auction, including the hidden reserve. */
  record AuctionTerms(
      String listingId,
      String sellerId,
      String format,
      String status,
      Doge startPrice,
      Doge reservePrice,
      Doge buyItNowPrice,
      Instant startsAt,
      Instant endsAt,
      long version) {}

  private final ListingService listings;

  InternalListingController(ListingService listings) {
    this.listings = listings;
  }

  /**
   * Every published listing's snapshot in id order, a page at a time: rebuilding the search index.
   */
  @InternalApi(callers = {"search-service", "search-indexer"})
  @GetMapping("/listings")
  Page listings(
      @RequestParam(required = false) String after, @RequestParam(defaultValue = "500") int limit) {
    if (limit < 1 || limit > 1000) {
      throw Refusal.invalid("limit", "must be between 1 and 1000");
    }
    UUID cursor = null;
    if (after != null && !after.isBlank()) {
      try {
        cursor = UUID.fromString(after);
      } catch (IllegalArgumentException e) {
        throw Refusal.invalid("after", "is not a cursor this endpoint gave out");
      }
    }
    List<ListingSnapshot> items = listings.snapshotsAfter(cursor, limit);
    return new Page(items, items.size() < limit ? null : items.getLast().listingId());
  }

  @InternalApi(callers = "auction-service")
  @GetMapping("/auction-terms/{id}")
  AuctionTerms auctionTerms(@PathVariable UUID id) {
    Listing l = listings.visibleTo(id, "");
    return new AuctionTerms(
        l.id().toString(),
        l.sellerId(),
        l.content().format().json(),
        l.status().json(),
        l.content().startPrice(),
        l.content().reservePrice(),
        l.content().buyItNowPrice(),
        l.startsAt(),
        l.endsAt(),
        l.version());
  }

  /**
   * What order-service's Best Offer needs to judge an offer: the price, the units left, the
   * shipping options and the seller's secret automatic answers (never on the public page).
   */
  record OfferTerms(
      String listingId,
      String sellerId,
      String title,
      String format,
      String status,
      Doge price,
      int quantityAvailable,
      boolean acceptsOffers,
      Doge autoAcceptPrice,
      Doge autoDeclinePrice,
      List<Shipping> shippingOptions) {}

  record Shipping(String service, Doge cost) {}

  @InternalApi(callers = "order-service")
  @GetMapping("/listings/{id}/offer-terms")
  OfferTerms offerTerms(@PathVariable UUID id) {
    Listing l = listings.visibleTo(id, "");
    var c = l.content();
    return new OfferTerms(
        l.id().toString(),
        l.sellerId(),
        c.title(),
        c.format().json(),
        l.status().json(),
        l.currentPrice(),
        c.quantity() - l.quantitySold(),
        c.bestOffer() != null,
        c.bestOffer() == null ? null : c.bestOffer().autoAccept(),
        c.bestOffer() == null ? null : c.bestOffer().autoDecline(),
        c.shipping().stream().map(o -> new Shipping(o.service(), o.cost())).toList());
  }

  record PurchaseRequest(
      String orderId, String buyerId, Integer quantity, String unitPrice, String shippingService) {}

  /** The units an order took, at the price and shipping it pays; {@code total} = all of it. */
  record PurchaseView(
      String orderId,
      String listingId,
      String sellerId,
      String buyerId,
      String title,
      int quantity,
      Doge unitPrice,
      String shippingService,
      Doge shippingCost,
      Doge total,
      String status) {}

  /**
   * order-service's checkout and accepted offers take units of a fixed-price listing: 201 with the
   * purchase; the same order again answers the same purchase (200); not enough left, sold out, not
   * active or not fixed price 409, the seller's own listing 403. Nothing is taken on a refusal.
   */
  @InternalApi(callers = "order-service")
  @PostMapping("/listings/{id}/purchases")
  ResponseEntity<PurchaseView> purchase(
      @PathVariable UUID id, @RequestBody(required = false) PurchaseRequest body) {
    if (body == null
        || body.orderId() == null
        || body.orderId().isBlank()
        || body.orderId().length() > 64
        || body.buyerId() == null
        || body.buyerId().isBlank()) {
      throw Refusal.invalid("orderId", "orderId and buyerId are required");
    }
    int quantity = body.quantity() == null ? 1 : body.quantity();
    if (quantity < 1 || quantity > 10_000) {
      throw Refusal.invalid("quantity", "must be between 1 and 10000");
    }
    Doge unitPrice;
    try {
      unitPrice = body.unitPrice() == null ? null : Doge.parse(body.unitPrice());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("unitPrice", "must be a DOGE amount");
    }
    ListingService.Taken taken;
    try {
      taken =
          listings.purchase(
              id, body.orderId(), body.buyerId(), quantity, unitPrice, body.shippingService());
    } catch (org.springframework.dao.DuplicateKeyException raced) {
      // The same order asked twice at once: the other call's purchase stands; answer it.
      taken =
          listings.purchase(
              id, body.orderId(), body.buyerId(), quantity, unitPrice, body.shippingService());
    }
    Purchases.Purchase p = taken.purchase();
    Listing l = listings.visibleTo(id, "");
    PurchaseView view =
        new PurchaseView(
            p.orderId(),
            p.listingId().toString(),
            l.sellerId(),
            p.buyerId(),
            l.content().title(),
            p.quantity(),
            p.unitPrice(),
            p.shippingService(),
            p.shippingCost(),
            p.unitPrice().times(p.quantity()).plus(p.shippingCost()),
            p.status());
    return ResponseEntity.status(taken.createdNow() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(view);
  }

  record Released(String orderId, boolean released) {}

  /**
   * order-service undoes an order's purchase whose payment failed: the units go back on sale once;
   * asking again (or for an unknown order) changes nothing.
   */
  @InternalApi(callers = "order-service")
  @DeleteMapping("/listings/{id}/purchases/{orderId}")
  Released releasePurchase(@PathVariable UUID id, @PathVariable String orderId) {
    return new Released(orderId, listings.releasePurchase(id, orderId));
  }
}
