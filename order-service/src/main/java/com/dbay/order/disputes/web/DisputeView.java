package com.dbay.order.disputes.web;

import com.dbay.order.disputes.Dispute;
import com.dbay.order.disputes.Evidence;
import com.dbay.platform.money.Doge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A dispute as its parties and admins see it (evidence when asked for). */
record DisputeView(
    String disputeId,
    String orderId,
    String buyerId,
    String sellerId,
    Doge amount,
    String reason,
    String description,
    String status,
    Instant openedAt,
    Instant answerDueAt,
    String sellerAnswer,
    Instant answeredAt,
    Instant escalatedAt,
    String escalatedBy,
    RulingView ruling,
    List<EvidenceView> evidence) {

  record RulingView(
      String decision,
      String buyerPercent,
      Doge buyerAmount,
      Doge sellerAmount,
      Doge fee,
      String ruledBy,
      String reason,
      Instant ruledAt) {}

  record EvidenceView(
      String evidenceId,
      String authorId,
      String authorRole,
      String kind,
      String text,
      String contentType,
      Long sizeBytes,
      String sha256,
      String url,
      Instant createdAt) {

    static EvidenceView of(Evidence e) {
      return new EvidenceView(
          e.id(),
          e.authorId(),
          e.authorRole().toLowerCase(),
          e.kind().toLowerCase(),
          e.text(),
          e.contentType(),
          e.sizeBytes(),
          e.sha256(),
          e.objectKey() == null
              ? null
              : "/api/v1/order/disputes/" + e.disputeId() + "/evidence/" + e.id() + "/content",
          e.createdAt());
    }
  }

  static DisputeView of(Dispute d, List<Evidence> evidence) {
    Dispute.Ruling r = d.ruling();
    return new DisputeView(
        d.id(),
        d.orderId(),
        d.buyerId(),
        d.sellerId(),
        d.amount(),
        d.reason().name(),
        d.description(),
        d.status().name(),
        d.openedAt(),
        d.answerDueAt(),
        d.sellerAnswer(),
        d.answeredAt(),
        d.escalatedAt(),
        d.escalatedBy() == null ? null : d.escalatedBy().name(),
        r == null
            ? null
            : new RulingView(
                r.outcome().name(),
                r.buyerPercent(),
                r.buyerAmount(),
                r.sellerAmount(),
                r.fee(),
                r.ruledBy(),
                r.reason(),
                r.ruledAt()),
        evidence == null ? null : evidence.stream().map(EvidenceView::of).toList());
  }

  /** One row of the admin queue: how old it is and what deadline it is at. */
  record QueueItem(
      String disputeId,
      String orderId,
      String buyerId,
      String sellerId,
      Doge amount,
      String reason,
      String status,
      Instant openedAt,
      long ageHours,
      Instant answerDueAt,
      boolean answerOverdue,
      Instant escalatedAt,
      String escalatedBy) {

    static QueueItem of(Dispute d, Instant now) {
      return new QueueItem(
          d.id(),
          d.orderId(),
          d.buyerId(),
          d.sellerId(),
          d.amount(),
          d.reason().name(),
          d.status().name(),
          d.openedAt(),
          Duration.between(d.openedAt(), now).toHours(),
          d.answerDueAt(),
          d.status() == Dispute.Status.AWAITING_SELLER && now.isAfter(d.answerDueAt()),
          d.escalatedAt(),
          d.escalatedBy() == null ? null : d.escalatedBy().name());
    }
  }
}
