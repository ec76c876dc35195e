package com.dbay.listing.listing;

import com.dbay.listing.category.CategoryCatalog;
import com.dbay.listing.shared.Refusal;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seller and reader use cases of listings; every change publishes its events in the same
 * transaction.
 */
@Service
public class ListingService {

  private final Listings listings;
  private final CategoryCatalog categories;
  private final ListingRules rules;
  private final Outbox outbox;
  private final ListingPictures pictures;
  private final Clock clock;
  private final Purchases purchases;

  ListingService(
      Purchases purchases,
      Listings listings,
      CategoryCatalog categories,
      ListingRules rules,
      Outbox outbox,
      ListingPictures pictures,
      Clock clock) {
    this.listings = listings;
    this.categories = categories;
    this.rules = rules;
    this.outbox = outbox;
    this.pictures = pictures;
    this.clock = clock;
    this.purchases = purchases;
  }

  @Transactional
  public Listing createDraft(Identity seller, ListingForm form) {
    Instant now = clock.instant();
    ListingContent content = form.check(categories, rules, now);
    String name = seller.username().isBlank() ? seller.userId() : seller.username();
    Listing listing = Listing.draft(UUID.randomUUID(), seller.userId(), name, content, now);
    listings.insert(listing);
    return listing;
  }

  @Transactional
  public Listing edit(UUID id, Identity seller, ListingForm form) {
    Listing listing = ownedForChange(id, seller);
    listing.edit(form.check(categories, rules, clock.instant()), clock.instant());
    return save(listing);
  }

  @Transactional
  public Listing publish(UUID id, Identity seller) {
    Listing listing = ownedForChange(id, seller);
    listing.publish(clock.instant());
    return save(listing);
  }

  @Transactional
  public Listing end(UUID id, Identity seller) {
    Listing listing = ownedForChange(id, seller);
    listing.endEarly(clock.instant());
    return save(listing);
  }

  /**
   * A listing as {@code viewer} may see it: a draft only by its seller; anyone else gets the same
   * 404 as for an id that does not exist. A view by someone other than the seller is counted.
   */
  @Transactional
  public Listing view(UUID id, Identity viewer) {
    Listing listing = listings.find(id).orElseThrow(() -> Refusal.notFound("Listing " + id));
    boolean seller = viewer != null && listing.isSeller(viewer.userId());
    if (!listing.status().isPublic() && !seller) {
      throw Refusal.notFound("Listing " + id);
    }
    if (!seller) {
      listings.countView(id);
    }
    return listing;
  }

  /**
   * The listing if it is public or {@code userId} is its seller; for the photo, question and watch
   * features.
   */
  public Listing visibleTo(UUID id, String userId) {
    Listing listing = listings.find(id).orElseThrow(() -> Refusal.notFound("Listing " + id));
    if (!listing.status().isPublic() && !listing.isSeller(userId)) {
      throw Refusal.notFound("Listing " + id);
    }
    return listing;
  }

  /**
   * Locks the listing for a change by its seller: someone else's draft is 404, someone else's
   * public listing 403.
   */
  public Listing ownedForChange(UUID id, Identity seller) {
    Listing listing = listings.lock(id);
    if (!listing.isSeller(seller.userId())) {
      if (!listing.status().isPublic()) {
        throw Refusal.notFound("Listing " + id);
      }
      throw Refusal.notAllowed("Only the seller can change this listing.");
    }
    return listing;
  }

  public List<Listing> mine(Identity seller, ListingStatus status) {
    return listings.bySeller(seller.userId(), status, 500);
  }

  /**
   * Snapshots of every published listing after {@code after} (by id), for rebuilding the search
   * index.
   */
  public List<ListingSnapshot> snapshotsAfter(UUID after, int limit) {
    return listings.publishedAfter(after, limit).stream().map(this::snapshot).toList();
  }

  /**
   * Something outside the seller's edit changed what buyers see (a photo became ready or went
   * away).
   */
  @Transactional
  public void picturesChanged(UUID id) {
    Listing listing = listings.lock(id);
    listing.touched(clock.instant());
    save(listing);
  }

  /** Starts the scheduled listings and ends the expired ones that are due, one transaction each. */
  public int runClock(int limit) {
    int changed = 0;
    for (UUID id : listings.due(clock.instant(), limit)) {
      if (self().tick(id)) {
        changed++;
      }
    }
    return changed;
  }

  @Transactional
  public boolean tick(UUID id) {
    Listing listing = listings.lock(id);
    Instant now = clock.instant();
    boolean changed = listing.startIfDue(now) | listing.expireIfDue(now);
    save(listing);
    return changed;
  }

  @Transactional
  public void bidsPlaced(UUID id, int bidCount, Doge currentPrice, Instant endsAt) {
    listings
        .find(id)
        .ifPresent(
            found -> {
              Listing listing = listings.lock(id);
              listing.bidsPlaced(bidCount, currentPrice, endsAt, clock.instant());
              save(listing);
            });
  }

  @Transactional
  public void extended(UUID id, Instant endsAt) {
    listings
        .find(id)
        .ifPresent(
            found -> {
              Listing listing = listings.lock(id);
              listing.extendedTo(endsAt, clock.instant());
              save(listing);
            });
  }

  @Transactional
  public void closed(UUID id, boolean sold, Doge finalPrice) {
    listings
        .find(id)
        .ifPresent(
            found -> {
              Listing listing = listings.lock(id);
              if (sold) {
                listing.sold(
                    finalPrice == null ? listing.currentPrice() : finalPrice, clock.instant());
              } else {
                listing.unsold(clock.instant());
              }
              save(listing);
            });
  }

  /**
   * An order takes {@code quantity} units of a fixed-price listing, once per order: asking again
   * for the same order answers the same purchase (nothing taken twice); another listing, buyer or
   * quantity under that order id is a conflict. The listing row is locked, so concurrent buyers
   * queue and the last units go to exactly as many of them as there are units. {@code unitPrice} is
   * the agreed price of an accepted offer (at most the listing's price), else null for the
   * listing's price; {@code shippingService} null takes the cheapest option.
   */
  /** The order's purchase, and whether this call made it (false: the same order asked again). */
  public record Taken(Purchases.Purchase purchase, boolean createdNow) {}

  @Transactional
  public Taken purchase(
      UUID listingId,
      String orderId,
      String buyerId,
      int quantity,
      Doge unitPrice,
      String shippingService) {
    var existing = purchases.lock(orderId);
    if (existing.isPresent()) {
      var p = existing.get();
      if (!p.listingId().equals(listingId)
          || !p.buyerId().equals(buyerId)
          || p.quantity() != quantity) {
        throw Refusal.wrongState(
            "purchase-exists", "Order " + orderId + " already bought other units.");
      }
      return new Taken(p, false);
    }
    Listing listing = listings.lock(listingId);
    Instant now = clock.instant();
    ListingContent c = listing.content();
    Doge price = listing.currentPrice();
    if (unitPrice != null && (!unitPrice.isPositive() || unitPrice.isGreaterThan(price))) {
      throw Refusal.invalid("unitPrice", "must be positive and at most the listing's price");
    }
    ShippingOption shipping =
        shippingService == null
            ? c.shipping().stream().min(Comparator.comparing(ShippingOption::cost)).orElse(null)
            : c.shipping().stream()
                .filter(o -> o.service().equals(shippingService))
                .findFirst()
                .orElseThrow(
                    () ->
                        Refusal.invalid("shippingService", "is not one of the listing's options"));
    listing.purchase(buyerId, quantity, now);
    Purchases.Purchase p =
        new Purchases.Purchase(
            orderId,
            listingId,
            buyerId,
            quantity,
            unitPrice == null ? price : unitPrice,
            shipping == null ? null : shipping.service(),
            shipping == null ? Doge.ZERO : shipping.cost(),
            "RESERVED");
    purchases.insert(p, now);
    save(listing);
    return new Taken(p, true);
  }

  /**
   * Undoes an order's purchase (its payment failed): its units go back on sale, once. Unknown or
   * already released: nothing to do, the same answer.
   */
  @Transactional
  public boolean releasePurchase(UUID listingId, String orderId) {
    var found = purchases.lock(orderId).filter(p -> p.listingId().equals(listingId));
    if (found.isEmpty() || !found.get().status().equals("RESERVED")) {
      return false;
    }
    Listing listing = listings.lock(listingId);
    listing.restock(found.get().quantity(), clock.instant());
    purchases.released(orderId, clock.instant());
    save(listing);
    return true;
  }

  private Listing save(Listing listing) {
    listings.update(listing);
    for (Listing.Event event : listing.pendingEvents()) {
      outbox.publish(event.name(), snapshot(listing));
    }
    listing.eventsPublished();
    return listing;
  }

  public ListingSnapshot snapshot(Listing l) {
    ListingContent c = l.content();
    List<Long> path =
        categories.find(c.categoryId()).map(cat -> cat.path()).orElse(List.of(c.categoryId()));
    Doge shippingCost =
        c.shipping().stream().map(ShippingOption::cost).min(Comparator.naturalOrder()).orElse(null);
    boolean fixed = c.format() == ListingFormat.FIXED;
    return new ListingSnapshot(
        l.id().toString(),
        l.sellerId(),
        l.sellerName(),
        c.title(),
        c.description(),
        c.categoryId(),
        path,
        c.condition().json(),
        c.format().json(),
        l.status().json(),
        l.currentPrice(),
        c.startPrice(),
        fixed ? null : c.buyItNowPrice(),
        fixed ? c.quantity() - l.quantitySold() : null,
        l.startsAt(),
        l.endsAt(),
        c.itemSpecifics(),
        pictures.thumbnailUrl(l.id()).orElse(null),
        c.shipsTo(),
        shippingCost,
        l.bidCount(),
        l.createdAt(),
        l.version());
  }

  // Calls through the proxy so that each tick runs in its own transaction.
  private ListingService self;

  @org.springframework.beans.factory.annotation.Autowired
  void setSelf(@org.springframework.context.annotation.Lazy ListingService self) {
    this.self = self;
  }

  private ListingService self() {
    return self;
  }
}
