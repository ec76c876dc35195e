package com.dbay.user.feedback;

/** Event FeedbackLeft (source dbay.user): {@code toUserId} is the member to notify. */
public record FeedbackLeft(String orderId, String fromUserId, String toUserId, String rating) {}
