package com.dbay.order.disputes;

import com.dbay.platform.events.AggregateRoot;
import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A buyer's dispute over a shipped order (DESIGN §4): opened within 30 days of shipment, answered
 * by the seller within 3 days, escalated by either side (or by DisputeWorkflow when the seller's 3
 * days pass), ruled once by an admin (or settled by the seller accepting a refund). Each step is
 * guarded here and recorded as an event.
 */
public final class Dispute extends AggregateRoot {

  public static final Duration OPEN_WINDOW = Duration.ofDays(30);
  public static final Duration ANSWER_WINDOW = Duration.ofDays(3);
  public static final int MAX_TEXT = 2000;

  public enum Reason {
    NOT_RECEIVED,
    NOT_AS_DESCRIBED
  }

  public enum Status {
    AWAITING_SELLER,
    ANSWERED,
    ESCALATED,
    RULED
  }

  public enum Outcome {
    REFUND,
    RELEASE,
    SPLIT
  }

  public enum Party {
    BUYER,
    SELLER,
    DEADLINE
  }

  /** A ruling's terms and what the wallet moved for it. */
  public record Ruling(
      Outcome outcome,
      String buyerPercent,
      Doge buyerAmount,
      Doge sellerAmount,
      Doge fee,
      String ruledBy,
      String reason,
      Instant ruledAt) {}

  private final String id;
  private final String orderId;
  private final String buyerId;
  private final String sellerId;
  private final Doge amount;
  private final Reason reason;
  private final String description;
  private final Instant openedAt;
  private final Instant answerDueAt;
  private Status status;
  private String sellerAnswer;
  private Instant answeredAt;
  private Instant escalatedAt;
  private Party escalatedBy;
  private Ruling ruling;
  private final int version;

  private Dispute(
      String id,
      String orderId,
      String buyerId,
      String sellerId,
      Doge amount,
      Reason reason,
      String description,
      Instant openedAt,
      Instant answerDueAt,
      Status status,
      String sellerAnswer,
      Instant answeredAt,
      Instant escalatedAt,
      Party escalatedBy,
      Ruling ruling,
      int version) {
    this.id = Objects.requireNonNull(id);
    this.orderId = Objects.requireNonNull(orderId);
    this.buyerId = Objects.requireNonNull(buyerId);
    this.sellerId = Objects.requireNonNull(sellerId);
    this.amount = Objects.requireNonNull(amount);
    this.reason = Objects.requireNonNull(reason);
    this.description = Objects.requireNonNull(description);
    this.openedAt = Objects.requireNonNull(openedAt);
    this.answerDueAt = Objects.requireNonNull(answerDueAt);
    this.status = Objects.requireNonNull(status);
    this.sellerAnswer = sellerAnswer;
    this.answeredAt = answeredAt;
    this.escalatedAt = escalatedAt;
    this.escalatedBy = escalatedBy;
    this.ruling = ruling;
    this.version = version;
  }

  /**
   * The buyer opens a dispute on a shipped (or received) order within 30 days of its shipment;
   * records DisputeOpened, which starts DisputeWorkflow.
   */
  public static Dispute open(
      String id,
      DisputedOrder order,
      String callerId,
      Reason reason,
      String description,
      Instant now) {
    if (!order.buyerId().equals(callerId)) {
      throw refused(Kind.FORBIDDEN, "not-the-buyer", "Only the buyer opens a dispute.");
    }
    if (!order.status().equals("SHIPPED") && !order.status().equals("RECEIVED")) {
      throw refused(
          Kind.CONFLICT,
          "order-not-disputable",
          "A dispute is opened on a shipped or received order; this one is "
              + order.status()
              + ".");
    }
    if (order.shippedAt() == null || now.isAfter(order.shippedAt().plus(OPEN_WINDOW))) {
      throw refused(
          Kind.CONFLICT,
          "dispute-window-closed",
          "A dispute is opened within 30 days of shipment.");
    }
    Dispute d =
        new Dispute(
            id,
            order.orderId(),
            order.buyerId(),
            order.sellerId(),
            order.price(),
            reason,
            description,
            now,
            now.plus(ANSWER_WINDOW),
            Status.AWAITING_SELLER,
            null,
            null,
            null,
            null,
            null,
            0);
    d.registerEvent(
        new DisputeEvents.DisputeOpened(
            id, order.orderId(), order.buyerId(), order.sellerId(), reason.name(), d.answerDueAt));
    return d;
  }

  public static Dispute restore(
      String id,
      String orderId,
      String buyerId,
      String sellerId,
      Doge amount,
      Reason reason,
      String description,
      Instant openedAt,
      Instant answerDueAt,
      Status status,
      String sellerAnswer,
      Instant answeredAt,
      Instant escalatedAt,
      Party escalatedBy,
      Ruling ruling,
      int version) {
    return new Dispute(
        id,
        orderId,
        buyerId,
        sellerId,
        amount,
        reason,
        description,
        openedAt,
        answerDueAt,
        status,
        sellerAnswer,
        answeredAt,
        escalatedAt,
        escalatedBy,
        ruling,
        version);
  }

  /** The seller's answer, within 3 days of the opening and before any escalation. */
  public void answer(String callerId, String text, Instant now) {
    if (!sellerId.equals(callerId)) {
      throw refused(Kind.FORBIDDEN, "not-the-seller", "Only the seller answers a dispute.");
    }
    if (status != Status.AWAITING_SELLER) {
      throw refused(
          Kind.CONFLICT, "dispute-not-awaiting-seller", "This dispute is " + status + ".");
    }
    if (now.isAfter(answerDueAt)) {
      throw refused(
          Kind.CONFLICT,
          "answer-window-closed",
          "The seller's 3 days to answer ended at " + answerDueAt + ".");
    }
    status = Status.ANSWERED;
    sellerAnswer = text;
    answeredAt = now;
    registerEvent(new DisputeEvents.DisputeAnswered(id, orderId, buyerId, sellerId, now));
  }

  /** Either side hands the dispute to an admin while it is still theirs. */
  public void escalate(String callerId, Instant now) {
    Party by = partyOf(callerId);
    if (by == null) {
      throw refused(Kind.FORBIDDEN, "not-a-party", "Only the buyer or the seller escalates.");
    }
    if (status != Status.AWAITING_SELLER && status != Status.ANSWERED) {
      throw refused(Kind.CONFLICT, "dispute-not-open", "This dispute is " + status + ".");
    }
    status = Status.ESCALATED;
    escalatedAt = now;
    escalatedBy = by;
  }

  /**
   * DisputeWorkflow escalated (its 3-day timeout, or after a party's escalation): a no-op unless
   * the dispute was still with the parties.
   */
  public boolean escalatedByWorkflow(Instant now) {
    if (status != Status.AWAITING_SELLER && status != Status.ANSWERED) {
      return false;
    }
    status = Status.ESCALATED;
    escalatedAt = now;
    escalatedBy = Party.DEADLINE;
    return true;
  }

  /** An admin may rule once the dispute is escalated, and only once. */
  public void requireRulable() {
    if (status != Status.ESCALATED) {
      throw refused(
          Kind.CONFLICT,
          status == Status.RULED ? "dispute-already-ruled" : "dispute-not-escalated",
          "An admin rules an escalated dispute; this one is " + status + ".");
    }
  }

  /** The seller settles by refunding the buyer in full, while the dispute is still theirs. */
  public void requireSellerMayRefund(String callerId) {
    if (!sellerId.equals(callerId)) {
      throw refused(Kind.FORBIDDEN, "not-the-seller", "Only the seller accepts a refund.");
    }
    if (status != Status.AWAITING_SELLER && status != Status.ANSWERED) {
      throw refused(Kind.CONFLICT, "dispute-not-open", "This dispute is " + status + ".");
    }
  }

  /** Records the ruling the wallet carried out; records DisputeRuled. */
  public void ruled(Ruling r) {
    if (status == Status.RULED) {
      throw refused(Kind.CONFLICT, "dispute-already-ruled", "This dispute is already ruled.");
    }
    status = Status.RULED;
    ruling = r;
    registerEvent(
        new DisputeEvents.DisputeRuled(
            id,
            orderId,
            buyerId,
            sellerId,
            r.outcome().name(),
            r.buyerPercent(),
            r.buyerAmount(),
            r.sellerAmount(),
            r.fee(),
            r.ruledAt()));
  }

  /** BUYER, SELLER, or null for anyone else. */
  public Party partyOf(String userId) {
    return buyerId.equals(userId) ? Party.BUYER : sellerId.equals(userId) ? Party.SELLER : null;
  }

  private static DomainException refused(Kind kind, String slug, String detail) {
    return new DomainException(kind, slug, null, detail, List.of(), Map.of());
  }

  public String id() {
    return id;
  }

  public String orderId() {
    return orderId;
  }

  public String buyerId() {
    return buyerId;
  }

  public String sellerId() {
    return sellerId;
  }

  public Doge amount() {
    return amount;
  }

  public Reason reason() {
    return reason;
  }

  public String description() {
    return description;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant answerDueAt() {
    return answerDueAt;
  }

  public Status status() {
    return status;
  }

  public String sellerAnswer() {
    return sellerAnswer;
  }

  public Instant answeredAt() {
    return answeredAt;
  }

  public Instant escalatedAt() {
    return escalatedAt;
  }

  public Party escalatedBy() {
    return escalatedBy;
  }

  public Ruling ruling() {
    return ruling;
  }

  public int version() {
    return version;
  }
}
