package com.dbay.messaging.conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code message} frame on Redis pub/sub {@code dbay:ws:user:<id>} (docs/contracts.md "Real
 * time"): the gateway's /ws forwards it to that user's sockets following {@code user}. Sent to both
 * participants, so the sender's other tabs show the message too. Best effort by nature (pub/sub
 * keeps nothing): a page that missed a frame refetches on reconnect, and a lost frame is never the
 * only copy of a message.
 */
@Component
class LiveFrames {

  private static final Logger log = LoggerFactory.getLogger(LiveFrames.class);

  private final StringRedisTemplate redis;
  private final JsonMapper json;

  LiveFrames(StringRedisTemplate redis, JsonMapper json) {
    this.redis = redis;
    this.json = json;
  }

  void messageSent(Message message) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("threadId", message.threadId());
    data.put("messageId", message.id());
    data.put("senderId", message.senderId());
    data.put("body", message.body());
    data.put("createdAt", message.createdAt().toString());
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "message");
    frame.put("channel", "user");
    frame.put("data", data);
    String text = json.writeValueAsString(frame);
    for (String user : new String[] {message.recipientId(), message.senderId()}) {
      try {
        redis.convertAndSend("dbay:ws:user:" + user, text);
      } catch (RuntimeException e) {
        // The message is stored and its event is in the outbox; only the live push is lost.
        log.warn("could not publish the message frame for thread {}", message.threadId(), e);
      }
    }
  }
}
