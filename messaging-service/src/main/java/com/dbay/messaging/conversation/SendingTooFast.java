package com.dbay.messaging.conversation;

/**
 * The sender has used up their messages for now. Not a {@code DomainException}: it is a 429 with
 * {@code Retry-After}, which the platform's kinds do not have, so the web adapter maps it itself.
 */
public class SendingTooFast extends RuntimeException {

  private final int perMinute;
  private final long retryAfterSeconds;

  public SendingTooFast(int perMinute, long retryAfterSeconds) {
    super("Too many messages: you can send " + perMinute + " a minute.");
    this.perMinute = perMinute;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int perMinute() {
    return perMinute;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
