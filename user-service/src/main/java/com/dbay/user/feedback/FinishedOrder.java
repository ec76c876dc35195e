package com.dbay.user.feedback;

import java.time.Instant;

/**
 * The part of order-service's OrderCompleted / DisputeRuled detail feedback needs: the order and
 * its two parties. {@code completedAt}/{@code ruledAt} when the producer sends one, else the
 * event's time.
 */
public record FinishedOrder(
    String orderId, String buyerId, String sellerId, Instant completedAt, Instant ruledAt) {}
