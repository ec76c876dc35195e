package com.dbay.notification.inbox.web;

import com.dbay.notification.inbox.Notification;
import com.dbay.notification.inbox.NotificationList;
import com.dbay.notification.inbox.Notifications;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's in-app notifications (only their own; another's id is a 404). */
@RestController
@RequestMapping("/api/v1/notification/notifications")
class NotificationController {

  record NotificationView(
      UUID id,
      String kind,
      String title,
      String body,
      String link,
      Instant createdAt,
      Instant readAt,
      boolean unread) {
    static NotificationView of(Notification n) {
      return new NotificationView(
          n.id(), n.kind(), n.title(), n.body(), n.link(), n.createdAt(), n.readAt(), n.unread());
    }
  }

  record NotificationPage(
      List<NotificationView> items, int page, int size, long total, long unreadCount) {}

  record UnreadCount(long unreadCount) {}

  record MarkedAll(int marked, long unreadCount) {}

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping({"", "/"})
  NotificationPage list(
      @CurrentUser Identity user,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    NotificationList p = notifications.page(user.userId(), page, size);
    return new NotificationPage(
        p.items().stream().map(NotificationView::of).toList(),
        page,
        size,
        p.total(),
        notifications.unreadCount(user.userId()));
  }

  @GetMapping("/unread-count")
  UnreadCount unread(@CurrentUser Identity user) {
    return new UnreadCount(notifications.unreadCount(user.userId()));
  }

  @PostMapping("/{id}/read")
  ResponseEntity<Void> markRead(@CurrentUser Identity user, @PathVariable UUID id) {
    notifications.markRead(user.userId(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/read-all")
  MarkedAll markAllRead(@CurrentUser Identity user) {
    int marked = notifications.markAllRead(user.userId());
    return new MarkedAll(marked, notifications.unreadCount(user.userId()));
  }
}
