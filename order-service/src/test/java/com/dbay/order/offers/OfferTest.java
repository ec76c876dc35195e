package com.dbay.order.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.order.orders.ShippingAddress;
import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferTest {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final ShippingAddress HOME = new ShippingAddress("Bob", "1 Main St", "Town", "123", "US");

  static OfferTerms terms(String autoAccept, String autoDecline) {
    return new OfferTerms(
        "l1",
        "alice",
        "Stamp",
        "fixed",
        "active",
        Doge.parse("100"),
        3,
        true,
        autoAccept == null ? null : Doge.parse(autoAccept),
        autoDecline == null ? null : Doge.parse(autoDecline),
        List.of(new OfferTerms.Shipping("Standard", Doge.parse("5"))));
  }

  static Offer pending(String amount, int quantity) {
    return Offer.pending(
        "o1",
        terms(null, "40"),
        "bob",
        quantity,
        Doge.parse(amount),
        "Standard",
        Doge.parse("5"),
        HOME,
        "please",
        T0);
  }

  static Offer open(String amount) {
    Offer o = pending(amount, 2);
    o.opened(T0);
    o.pullEvents();
    return o;
  }

  static String slug(Throwable t) {
    String type = ((DomainException) t).type().toString();
    return type.substring(type.lastIndexOf('/') + 1);
  }

  @Test
  void an_opened_offer_holds_amount_times_quantity_plus_shipping_and_tells_the_seller() {
    Offer o = pending("60", 2);
    assertThat(o.total()).isEqualTo(Doge.parse("125"));
    assertThat(o.holdReference()).isEqualTo("offer-o1");

    o.opened(T0);

    assertThat(o.status()).isEqualTo(Offer.Status.OPEN);
    assertThat(o.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
    assertThat(o.pullEvents()).singleElement().isInstanceOf(OfferEvents.OfferMade.class);
  }

  @Test
  void an_offer_above_the_price_below_auto_decline_or_on_ones_own_listing_is_refused() {
    assertThatThrownBy(() -> pending("100.00000001", 1))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("validation"));
    assertThatThrownBy(() -> pending("39.99", 1))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("offer-too-low"));
    assertThatThrownBy(
            () ->
                Offer.pending(
                    "o2",
                    terms(null, null),
                    "alice",
                    1,
                    Doge.parse("50"),
                    null,
                    Doge.ZERO,
                    HOME,
                    null,
                    T0))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("own-listing"));
    assertThat(pending("100", 1).amount()).isEqualTo(Doge.parse("100"));
  }

  @Test
  void the_seller_counters_within_the_price_and_the_hold_must_then_cover_the_counter() {
    Offer o = open("60");

    assertThatThrownBy(() -> o.counter("alice", Doge.parse("101"), Doge.parse("100"), T0))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("validation"));
    assertThatThrownBy(() -> o.counter("alice", Doge.parse("60"), Doge.parse("100"), T0))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("validation"));
    assertThatThrownBy(() -> o.counter("bob", Doge.parse("80"), Doge.parse("100"), T0))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("not-the-seller"));
    assertThat(o.status()).isEqualTo(Offer.Status.OPEN);

    Instant later = T0.plus(Duration.ofHours(10));
    o.counter("alice", Doge.parse("80"), Doge.parse("100"), later);

    assertThat(o.status()).isEqualTo(Offer.Status.COUNTERED);
    assertThat(o.total()).isEqualTo(Doge.parse("165"));
    assertThat(o.expiresAt()).isEqualTo(later.plus(Duration.ofHours(48)));
    assertThat(o.pullEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            OfferEvents.OfferCountered.class,
            e -> assertThat(e.amount()).isEqualTo(Doge.parse("80")));
  }

  @Test
  void only_the_party_it_awaits_accepts_and_only_once() {
    Offer o = open("60");
    assertThatThrownBy(() -> o.beginAccept("bob", "order-1", T0))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("not-the-seller"));

    o.beginAccept("alice", "order-1", T0);
    assertThat(o.status()).isEqualTo(Offer.Status.ACCEPTING);
    assertThatThrownBy(() -> o.beginAccept("alice", "order-2", T0))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("offer-not-open"));

    o.accepted(T0);
    assertThat(o.status()).isEqualTo(Offer.Status.ACCEPTED);
    // Once ended, either party is told it is over (not whose turn it was).
    assertThatThrownBy(() -> o.beginAccept("bob", "order-3", T0))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("offer-not-open"));
    assertThat(o.orderId()).isEqualTo("order-1");
    assertThat(o.holdOpen()).isFalse();
    assertThat(o.owesRelease()).isFalse();
    assertThat(o.pullEvents()).singleElement().isInstanceOf(OfferEvents.OfferAccepted.class);
  }

  @Test
  void a_counter_is_answered_by_the_buyer_not_the_seller() {
    Offer o = open("60");
    o.counter("alice", Doge.parse("80"), Doge.parse("100"), T0);
    assertThatThrownBy(() -> o.beginAccept("alice", "x", T0))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("not-the-buyer"));
    assertThatThrownBy(() -> o.withdraw("bob", T0))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("offer-not-open"));

    o.decline("bob", T0);
    assertThat(o.status()).isEqualTo(Offer.Status.DECLINED);
    assertThat(o.owesRelease()).isTrue();
  }

  @Test
  void after_48_hours_nobody_can_answer_and_the_offer_expires_owing_its_hold() {
    Offer o = open("60");
    Instant due = T0.plus(Duration.ofHours(48));
    assertThat(o.isDue(due.minusMillis(1))).isFalse();
    assertThat(o.isDue(due)).isTrue();
    assertThatThrownBy(() -> o.beginAccept("alice", "x", due))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("offer-expired"));

    o.expire(due);

    assertThat(o.status()).isEqualTo(Offer.Status.EXPIRED);
    assertThat(o.owesRelease()).isTrue();
    assertThat(o.pullEvents()).singleElement().isInstanceOf(OfferEvents.OfferExpired.class);
    o.holdReleased();
    assertThat(o.owesRelease()).isFalse();
  }

  @Test
  void a_voided_or_withdrawn_offer_is_closed_for_answers() {
    Offer o = open("60");
    o.withdraw("bob", T0);
    assertThatThrownBy(() -> o.decline("alice", T0))
        .satisfies(e -> assertThat(slug(e)).isEqualTo("offer-not-open"));

    Offer v = open("60");
    v.voided("countered", T0);
    assertThat(v.status()).isEqualTo(Offer.Status.VOID);
    assertThat(v.endReason()).isEqualTo("countered");
    assertThatThrownBy(() -> v.voided("again", T0)).isInstanceOf(DomainException.class);
  }
}
