package com.dbay.notification.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each new notification to its user's open pages: a {@code notification} frame on Redis
 * channel {@code dbay:ws:user:<userId>}, which the gateway's /ws forwards to that user's sockets
 * (docs/contracts.md, Real time). Only after the commit, so a page never shows a notification that
 * was rolled back; a frame lost on the way (no page open, Redis down) costs nothing: the page reads
 * the list and the unread count when it opens or reconnects.
 */
@Component
public class LivePush {

  private static final Logger log = LoggerFactory.getLogger(LivePush.class);

  private final StringRedisTemplate redis;
  private final Inbox inbox;
  private final JsonMapper json;

  public LivePush(StringRedisTemplate redis, Inbox inbox, JsonMapper json) {
    this.redis = redis;
    this.inbox = inbox;
    this.json = json;
  }

  void afterCommit(List<Notification> created) {
    if (created.isEmpty()) {
      return;
    }
    List<Notification> copy = List.copyOf(created);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              publish(copy);
            }
          });
    } else {
      publish(copy);
    }
  }

  private void publish(List<Notification> created) {
    for (Notification n : created) {
      try {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", n.id().toString());
        data.put("kind", n.kind());
        data.put("title", n.title());
        data.put("body", n.body());
        data.put("link", n.link());
        data.put("createdAt", n.createdAt().toString());
        data.put("unreadCount", inbox.unreadCount(n.userId()));
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "notification");
        frame.put("channel", "user");
        frame.put("data", data);
        redis.convertAndSend("dbay:ws:user:" + n.userId(), json.writeValueAsString(frame));
      } catch (RuntimeException e) {
        log.warn("notification {} not pushed live: {}", n.id(), e.getMessage());
      }
    }
  }
}
