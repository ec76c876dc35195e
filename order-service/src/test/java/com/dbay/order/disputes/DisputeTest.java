package com.dbay.order.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The dispute's guards: who may do what, in which state, until which deadline. */
class DisputeTest {

  static final Instant SHIPPED = Instant.parse("2026-03-01T12:00:00Z");

  static DisputedOrder order(String status) {
    return new DisputedOrder(
        "O1", "L1", "buyer", "seller", Doge.ofDoge(100), status, SHIPPED, SHIPPED.minusSeconds(60));
  }

  static Dispute opened(Instant at) {
    return Dispute.open(
        "D1", order("SHIPPED"), "buyer", Dispute.Reason.NOT_RECEIVED, "nothing", at);
  }

  static String slug(Runnable r) {
    try {
      r.run();
    } catch (DomainException e) {
      return e.slug();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void the_buyer_opens_within_30_days_of_shipment_only() {
    Instant last = SHIPPED.plus(Duration.ofDays(30));
    Dispute d = opened(last);
    assertThat(d.status()).isEqualTo(Dispute.Status.AWAITING_SELLER);
    assertThat(d.answerDueAt()).isEqualTo(last.plus(Duration.ofDays(3)));
    assertThat(d.recordedEvents()).singleElement().isInstanceOf(DisputeEvents.DisputeOpened.class);

    assertThat(slug(() -> opened(last.plusSeconds(1)))).isEqualTo("dispute-window-closed");
    assertThat(
            slug(
                () ->
                    Dispute.open(
                        "D",
                        order("SHIPPED"),
                        "seller",
                        Dispute.Reason.NOT_RECEIVED,
                        "x",
                        SHIPPED)))
        .isEqualTo("not-the-buyer");
    assertThat(
            slug(
                () ->
                    Dispute.open(
                        "D",
                        order("PAID_IN_ESCROW"),
                        "buyer",
                        Dispute.Reason.NOT_RECEIVED,
                        "x",
                        SHIPPED)))
        .isEqualTo("order-not-disputable");
    assertThat(
            Dispute.open(
                    "D", order("RECEIVED"), "buyer", Dispute.Reason.NOT_AS_DESCRIBED, "x", SHIPPED)
                .status())
        .isEqualTo(Dispute.Status.AWAITING_SELLER);
  }

  @Test
  void the_seller_answers_within_3_days_then_either_side_escalates_once() {
    Dispute late = opened(SHIPPED);
    assertThat(
            slug(
                () ->
                    late.answer("seller", "late", SHIPPED.plus(Duration.ofDays(3)).plusSeconds(1))))
        .isEqualTo("answer-window-closed");
    assertThat(late.status()).isEqualTo(Dispute.Status.AWAITING_SELLER);

    Dispute d = opened(SHIPPED);
    assertThat(slug(() -> d.answer("buyer", "me?", SHIPPED))).isEqualTo("not-the-seller");
    d.answer("seller", "shipped it", SHIPPED.plus(Duration.ofDays(3)));
    assertThat(d.status()).isEqualTo(Dispute.Status.ANSWERED);
    assertThat(slug(() -> d.answer("seller", "again", SHIPPED)))
        .isEqualTo("dispute-not-awaiting-seller");
    assertThat(slug(() -> d.escalate("stranger", SHIPPED))).isEqualTo("not-a-party");
    assertThat(slug(d::requireRulable)).isEqualTo("dispute-not-escalated");
    d.escalate("seller", SHIPPED);
    assertThat(d.escalatedBy()).isEqualTo(Dispute.Party.SELLER);
    assertThat(slug(() -> d.escalate("buyer", SHIPPED))).isEqualTo("dispute-not-open");
    assertThat(d.escalatedByWorkflow(SHIPPED)).isFalse();
    assertThat(d.escalatedBy()).isEqualTo(Dispute.Party.SELLER);
    d.requireRulable();
  }

  @Test
  void the_workflow_escalates_a_silent_dispute_and_a_ruling_happens_once() {
    Dispute d = opened(SHIPPED);
    assertThat(d.escalatedByWorkflow(SHIPPED.plus(Duration.ofDays(3)))).isTrue();
    assertThat(d.escalatedBy()).isEqualTo(Dispute.Party.DEADLINE);
    Dispute.Ruling r =
        new Dispute.Ruling(
            Dispute.Outcome.SPLIT,
            "70",
            Doge.ofDoge(70),
            Doge.parse("29.25"),
            Doge.parse("0.75"),
            "admin:a",
            "why",
            SHIPPED);
    d.ruled(r);
    assertThat(d.status()).isEqualTo(Dispute.Status.RULED);
    assertThat(slug(d::requireRulable)).isEqualTo("dispute-already-ruled");
    assertThat(slug(() -> d.ruled(r))).isEqualTo("dispute-already-ruled");
    assertThat(d.recordedEvents()).last().isInstanceOf(DisputeEvents.DisputeRuled.class);
  }

  @Test
  void a_split_percent_is_0_to_100_with_at_most_2_decimals_and_rounds_as_the_wallet_does() {
    assertThat(DisputeService.basisPoints("70")).isEqualTo(7000);
    assertThat(DisputeService.basisPoints("33.33")).isEqualTo(3333);
    assertThat(DisputeService.basisPoints("100")).isEqualTo(10000);
    for (String bad : new String[] {"101", "70.125", "-1", "", "7e1", "70.", " 70"}) {
      assertThatThrownBy(() -> DisputeService.basisPoints(bad))
          .as(bad)
          .isInstanceOf(DomainException.class);
    }
    // 1 koinu at 33.33 %: the buyer's share rounds up
    assertThat(DisputeService.ceilFraction(1, 3333)).isEqualTo(1);
    assertThat(DisputeService.ceilFraction(100_00000000L, 7000)).isEqualTo(70_00000000L);
  }
}
