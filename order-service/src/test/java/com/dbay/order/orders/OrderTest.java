package com.dbay.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The order's state machine: every transition guarded, each recording its one event. */
class OrderTest {

  // A Friday, 10:00 UTC.
  static final Instant FRIDAY = Instant.parse("2026-11-27T10:00:00Z");

  static Order paid(Instant at) {
    Order o = Order.fromAuctionWin("o1", "L1", "buyer", "seller", Doge.parse("100"), at);
    o.pullEvents();
    return o;
  }

  static String kind(Runnable r) {
    try {
      r.run();
    } catch (DomainException e) {
      return e.kind()
          + " "
          + e.type().toString().substring(e.type().toString().lastIndexOf('/') + 1);
    }
    return "none";
  }

  @Test
  void three_business_days_skip_the_weekend() {
    assertThat(BusinessDays.after(FRIDAY, 3)).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    assertThat(BusinessDays.after(Instant.parse("2026-11-28T08:00:00Z"), 3))
        .as("paid on a Saturday")
        .isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
    assertThat(BusinessDays.after(Instant.parse("2026-11-23T10:00:00Z"), 3))
        .as("paid on a Monday")
        .isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
  }

  @Test
  void only_the_seller_ships_only_a_paid_order_and_the_same_shipment_again_changes_nothing() {
    Order o = paid(FRIDAY);
    assertThat(kind(() -> o.ship("buyer", "DHL", "123", FRIDAY)))
        .isEqualTo("FORBIDDEN not-the-seller");
    assertThat(kind(() -> o.ship("seller", "", "123", FRIDAY))).isEqualTo("INVALID validation");
    assertThat(kind(() -> o.ship("seller", "DHL", "12<script>", FRIDAY)))
        .isEqualTo("INVALID validation");
    assertThat(o.status()).isEqualTo(Order.Status.PAID_IN_ESCROW);
    assertThat(o.recordedEvents()).isEmpty();

    assertThat(o.ship("seller", " DHL ", "JD0001", FRIDAY)).isTrue();
    assertThat(o.status()).isEqualTo(Order.Status.SHIPPED);
    assertThat(o.progress().carrier()).isEqualTo("DHL");
    assertThat(o.autoReleaseAt()).isEqualTo(FRIDAY.plus(Duration.ofDays(14)));
    assertThat(o.pullEvents()).singleElement().isInstanceOf(OrderEvents.OrderShipped.class);

    assertThat(o.ship("seller", "DHL", "JD0001", FRIDAY.plusSeconds(5))).isFalse();
    assertThat(o.recordedEvents()).isEmpty();
    assertThat(kind(() -> o.ship("seller", "UPS", "other", FRIDAY)))
        .isEqualTo("CONFLICT order-not-paid");
    assertThat(o.progress().shippedAt()).isEqualTo(FRIDAY);
  }

  @Test
  void the_buyer_confirms_a_shipped_order_once_and_it_completes_with_what_the_wallet_paid() {
    Order o = paid(FRIDAY);
    assertThat(kind(() -> o.mayConfirmReceipt("buyer"))).isEqualTo("CONFLICT order-not-shipped");
    o.ship("seller", "DHL", "1", FRIDAY);
    o.pullEvents();
    assertThat(kind(() -> o.mayConfirmReceipt("seller"))).isEqualTo("FORBIDDEN not-the-buyer");

    o.confirmReceipt("buyer", Doge.parse("97.5"), Doge.parse("2.5"), FRIDAY.plusSeconds(60));
    assertThat(o.status()).isEqualTo(Order.Status.COMPLETED);
    assertThat(o.pullEvents())
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("OrderReceived", "OrderCompleted");
    assertThat(o.progress().sellerAmount()).isEqualTo(Doge.parse("97.5"));
    assertThat(kind(() -> o.mayConfirmReceipt("buyer"))).isEqualTo("CONFLICT order-completed");
    assertThat(kind(() -> o.mayCancel("buyer", FRIDAY.plus(Duration.ofDays(30)))))
        .isEqualTo("CONFLICT order-not-cancellable");
  }

  @Test
  void the_buyer_may_cancel_an_unshipped_order_after_three_business_days_only() {
    Order o = paid(FRIDAY);
    Instant deadline = Instant.parse("2026-12-02T10:00:00Z");
    assertThat(o.cancellableAt()).isEqualTo(deadline);
    assertThat(kind(() -> o.mayCancel("buyer", deadline.minusSeconds(1))))
        .isEqualTo("CONFLICT order-not-cancellable");
    assertThat(kind(() -> o.mayCancel("seller", deadline))).isEqualTo("FORBIDDEN not-the-buyer");
    o.cancel("buyer", Doge.parse("100"), deadline);
    assertThat(o.status()).isEqualTo(Order.Status.CANCELLED);
    assertThat(o.pullEvents()).singleElement().isInstanceOf(OrderEvents.OrderCancelled.class);
    assertThat(kind(() -> o.mayCancel("buyer", deadline))).isEqualTo("CONFLICT order-cancelled");
    assertThat(kind(() -> o.ship("seller", "DHL", "1", deadline)))
        .isEqualTo("CONFLICT order-not-paid");
  }

  @Test
  void a_shipped_order_releases_by_itself_14_days_after_shipment_not_before() {
    Order o = paid(FRIDAY);
    assertThat(o.autoReleaseDue(FRIDAY.plus(Duration.ofDays(30)))).as("never shipped").isFalse();
    Instant shipped = FRIDAY.plus(Duration.ofHours(3));
    o.ship("seller", "DHL", "1", shipped);
    o.pullEvents();
    Instant due = shipped.plus(Duration.ofDays(14));
    assertThat(o.autoReleaseDue(due.minusMillis(1))).isFalse();
    assertThat(kind(() -> o.autoRelease(Doge.parse("97.5"), Doge.parse("2.5"), due.minusMillis(1))))
        .isEqualTo("CONFLICT order-not-due");
    assertThat(o.autoReleaseDue(due)).isTrue();
    o.autoRelease(Doge.parse("97.5"), Doge.parse("2.5"), due);
    assertThat(o.status()).isEqualTo(Order.Status.COMPLETED);
    assertThat(o.pullEvents()).singleElement().isInstanceOf(OrderEvents.OrderCompleted.class);
    assertThat(o.autoReleaseDue(due.plus(Duration.ofDays(1)))).isFalse();
  }
}
