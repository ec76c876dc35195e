package com.dbay.messaging.conversation;

/**
 * The seam for admins: an admin handling a dispute on a thread's order may read that thread (never
 * post in it). Disputes live in order-service and are not reachable from here yet, so the one
 * implementation today ({@link #NONE}) lets no admin in; the disputes work replaces the bean with
 * one that asks order-service whether {@code adminId} handles an open dispute on {@code orderId}.
 */
@FunctionalInterface
public interface DisputeAccess {

  DisputeAccess NONE = (adminId, orderId) -> false;

  boolean adminHandlesDisputeOn(String adminId, String orderId);
}
