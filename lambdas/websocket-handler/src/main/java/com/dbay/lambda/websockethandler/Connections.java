package com.dbay.lambda.websockethandler;

import com.dbay.lambda.support.NotYetImplemented;

/** Where connections and their channel subscriptions live, so that fan-out can find them. */
public interface Connections {

  void connected(String connectionId, String userId);

  void disconnected(String connectionId);

  void subscribe(String connectionId, String channel);

  void unsubscribe(String connectionId, String channel);

  static Connections notYetImplemented() {
    return new Connections() {
      public void connected(String connectionId, String userId) {
        throw fail();
      }

      public void disconnected(String connectionId) {
        throw fail();
      }

      public void subscribe(String connectionId, String channel) {
        throw fail();
      }

      public void unsubscribe(String connectionId, String channel) {
        throw fail();
      }

      private NotYetImplemented fail() {
        return new NotYetImplemented(
            "websocket-handler", "the AWS connection store", "the real-time (auction) issue");
      }
    };
  }
}
