package com.dbay.notification.inbox;

import java.util.List;

/** One page of a user's notifications, newest first, and how many they have in all. */
public record NotificationList(List<Notification> items, long total) {}
