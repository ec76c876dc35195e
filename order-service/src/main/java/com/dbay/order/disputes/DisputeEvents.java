package com.dbay.order.disputes;

import com.dbay.platform.money.Doge;
import java.time.Instant;

/**
 * The events disputes record (source dbay.order). Every detail carries both parties, the users to
 * notify. DisputeOpened starts DisputeWorkflow (local runtime rule dispute-opened-starts-workflow).
 */
public final class DisputeEvents {

  private DisputeEvents() {}

  public record DisputeOpened(
      String disputeId,
      String orderId,
      String buyerId,
      String sellerId,
      String reason,
      Instant answerDueAt) {}

  public record DisputeAnswered(
      String disputeId, String orderId, String buyerId, String sellerId, Instant answeredAt) {}

  public record DisputeRuled(
      String disputeId,
      String orderId,
      String buyerId,
      String sellerId,
      String outcome,
      String buyerPercent,
      Doge buyerAmount,
      Doge sellerAmount,
      Doge fee,
      Instant ruledAt) {}
}
