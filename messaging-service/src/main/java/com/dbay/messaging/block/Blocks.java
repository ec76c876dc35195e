package com.dbay.messaging.block;

import com.dbay.platform.problem.DomainException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Blocking and the check every send makes. */
@Service
public class Blocks {

  /** Which way a block between two users points, from the sender's side. */
  public enum Between {
    NONE,
    /** The sender blocked the recipient. */
    SENDER_BLOCKED_RECIPIENT,
    /** The recipient blocked the sender. */
    RECIPIENT_BLOCKED_SENDER
  }

  static final int MAX_USER_ID = 128;

  private final BlockStore store;
  private final Clock clock;

  Blocks(BlockStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void block(String blockerId, String blockedId) {
    check(blockerId, blockedId);
    store.block(blockerId, blockedId, clock.instant());
  }

  public void unblock(String blockerId, String blockedId) {
    check(blockerId, blockedId);
    store.unblock(blockerId, blockedId);
  }

  public List<Block> of(String blockerId) {
    return store.of(blockerId);
  }

  public boolean blocked(String blockerId, String blockedId) {
    return store.exists(blockerId, blockedId);
  }

  public Between between(String senderId, String recipientId) {
    if (store.exists(recipientId, senderId)) {
      return Between.RECIPIENT_BLOCKED_SENDER;
    }
    if (store.exists(senderId, recipientId)) {
      return Between.SENDER_BLOCKED_RECIPIENT;
    }
    return Between.NONE;
  }

  private static void check(String blockerId, String blockedId) {
    if (blockedId == null
        || blockedId.isBlank()
        || blockedId.length() > MAX_USER_ID
        || !blockedId.equals(blockedId.strip())) {
      throw DomainException.invalid("validation", "userId", "must be a user id");
    }
    if (blockerId.equals(blockedId)) {
      throw DomainException.invalid("validation", "userId", "you cannot block yourself");
    }
  }
}
