package com.dbay.messaging.conversation;

import com.dbay.messaging.block.Blocks;
import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.starter.events.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starting threads, sending, reading and marking read; who may do which. Only the two participants
 * see a thread (anyone else gets 404, as if it did not exist); an admin handling a dispute on the
 * thread's order may read it through {@link DisputeAccess}, never write in it.
 */
@Service
public class Conversations {

  public static final int MAX_PAGE = 100;

  /** A started thread and whether this call created it. */
  public record Started(Conversation conversation, boolean created) {}

  /** A thread in the caller's list: the thread and the messages to them not read yet. */
  public record Listed(Conversation conversation, long unread) {}

  /** A sent message and whether it is the replay of an earlier send with the same key. */
  public record Sent(Message message, boolean repeated) {}

  private final ConversationStore store;
  private final ListingDirectory listings;
  private final Blocks blocks;
  private final SendRateLimit rateLimit;
  private final LiveFrames frames;
  private final Outbox outbox;
  private final DisputeAccess disputes;
  private final MessagingProperties properties;
  private final JsonMapper json;
  private final Clock clock;

  Conversations(
      ConversationStore store,
      ListingDirectory listings,
      Blocks blocks,
      SendRateLimit rateLimit,
      LiveFrames frames,
      Outbox outbox,
      DisputeAccess disputes,
      MessagingProperties properties,
      JsonMapper json,
      Clock clock) {
    this.store = store;
    this.listings = listings;
    this.blocks = blocks;
    this.rateLimit = rateLimit;
    this.frames = frames;
    this.outbox = outbox;
    this.disputes = disputes;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The caller's thread with the listing's seller ("Ask the seller privately"): found if it exists,
   * else created. The seller comes from listing-service, never from the client.
   */
  public Started startAboutListing(Identity caller, String listingId) {
    ListingDirectory.ListingParty listing = listings.find(listingId);
    if (listing.sellerId().equals(caller.userId())) {
      throw new DomainException(
          Kind.UNPROCESSABLE,
          "own-listing",
          "This is your own listing: you cannot send yourself a message about it.");
    }
    refuseIfBlocked(caller.userId(), listing.sellerId(), listing.sellerName());
    Conversation candidate =
        new Conversation(
            threadId(listing.id(), caller.userId()),
            listing.id(),
            listing.title(),
            null,
            caller.userId(),
            displayName(caller),
            listing.sellerId(),
            listing.sellerName(),
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            null);
    Map.Entry<Conversation, Boolean> result = store.startOrFind(candidate);
    return new Started(result.getKey(), result.getValue());
  }

  /** A thread the caller may read: a participant, or an admin handling a dispute on its order. */
  public Conversation readable(Identity caller, String threadId) {
    Conversation c = store.find(threadId).orElseThrow(() -> notFound(threadId));
    if (c.hasParticipant(caller.userId())) {
      return c;
    }
    if (caller.isAdmin() && disputes.adminMayRead(caller.userId(), c)) {
      return c;
    }
    throw notFound(threadId);
  }

  /**
   * For the admin console's dispute page: the thread between the parties of an order in an open
   * dispute (the buyer's about the order's listing). ADMIN only (403); no open dispute on the
   * order, or no thread between them: 404.
   */
  public Conversation threadOfDisputedOrder(Identity caller, String orderId) {
    if (!caller.isAdmin()) {
      throw DomainException.forbidden("Only an administrator handling a dispute may do this.");
    }
    DisputeAccess.DisputedOrder order =
        disputes
            .openDisputeOn(orderId)
            .orElseThrow(() -> DomainException.notFound("An open dispute on order " + orderId));
    return store
        .find(threadId(order.listingId(), order.buyerId()))
        .filter(c -> c.sellerId().equals(order.sellerId()))
        .filter(c -> c.orderId() == null || c.orderId().equals(orderId))
        .orElseThrow(() -> DomainException.notFound("A thread between the parties"));
  }

  /** A thread the caller takes part in (sending, marking read): admins never write. */
  private Conversation own(Identity caller, String threadId) {
    return store
        .find(threadId)
        .filter(c -> c.hasParticipant(caller.userId()))
        .orElseThrow(() -> notFound(threadId));
  }

  public List<Listed> mine(Identity caller, PagePosition after, int limit) {
    List<Conversation> page = store.ofUser(caller.userId(), after, limit);
    Map<String, Long> unread = page.isEmpty() ? Map.of() : store.unreadByThread(caller.userId());
    return page.stream().map(c -> new Listed(c, unread.getOrDefault(c.id(), 0L))).toList();
  }

  public List<Message> messages(Identity caller, String threadId, PagePosition before, int limit) {
    Conversation c = readable(caller, threadId);
    return store.messages(c.id(), before, limit);
  }

  public long unread(Identity caller) {
    return store.unread(caller.userId());
  }

  public long unreadIn(Identity caller, String threadId) {
    return store.unreadByThread(caller.userId()).getOrDefault(threadId, 0L);
  }

  /** Marks the caller's messages in the thread read; answers their unread total afterwards. */
  public long markRead(Identity caller, String threadId) {
    Conversation c = own(caller, threadId);
    store.markRead(c.id(), caller.userId(), clock.instant());
    return store.unread(caller.userId());
  }

  /**
   * Sends {@code body} in the thread. Runs inside the request's idempotency transaction
   * (PostgreSQL): the message itself goes to MongoDB, outside it, so the message's id is derived
   * from the sender's Idempotency-Key: a retry after a failure between the two stores inserts
   * nothing new and finishes what the first attempt began (the event, the frame). The event's id is
   * the message's, so even a second event for one message is deduplicated by its consumers.
   */
  @Transactional
  public Sent send(Identity caller, String threadId, String body, String idempotencyKey) {
    Conversation c = own(caller, threadId);
    checkBody(body);
    String recipient = c.otherThan(caller.userId());
    refuseIfBlocked(caller.userId(), recipient, c.nameOf(recipient));
    String messageId = messageId(caller.userId(), idempotencyKey);
    rateLimit.take(caller.userId());
    Message candidate =
        new Message(
            messageId,
            c.id(),
            caller.userId(),
            recipient,
            body,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            null);
    ConversationStore.Inserted inserted = store.insert(candidate);
    Message m = inserted.message();
    if (inserted.repeated() && (!m.threadId().equals(c.id()) || !m.body().equals(body))) {
      throw new DomainException(
          Kind.UNPROCESSABLE,
          "idempotency-key-reused",
          "This Idempotency-Key was used for another message; use a new key for a new message.");
    }
    store.touch(m);
    MessageSent event =
        new MessageSent(
            c.id(),
            m.id(),
            c.listingId(),
            c.listingTitle(),
            c.orderId(),
            m.senderId(),
            c.nameOf(m.senderId()),
            m.recipientId(),
            m.preview());
    outbox.publish(
        new EventEnvelope(
            m.id(), outbox.source(), "MessageSent", m.createdAt(), json.valueToTree(event)));
    afterCommit(() -> frames.messageSent(m));
    return new Sent(m, inserted.repeated());
  }

  private void checkBody(String body) {
    if (body == null || body.isBlank()) {
      throw DomainException.invalid("validation", "body", "write a message first");
    }
    int length = body.codePointCount(0, body.length());
    if (length > properties.maxLength()) {
      throw DomainException.invalid(
          "message-too-long",
          "body",
          "a message has at most "
              + properties.maxLength()
              + " characters; this one has "
              + length);
    }
  }

  private void refuseIfBlocked(String sender, String recipient, String recipientName) {
    switch (blocks.between(sender, recipient)) {
      case RECIPIENT_BLOCKED_SENDER ->
          throw new DomainException(
              Kind.FORBIDDEN,
              "blocked",
              (recipientName == null || recipientName.isBlank() ? "This user" : recipientName)
                  + " does not accept messages from you.");
      case SENDER_BLOCKED_RECIPIENT ->
          throw new DomainException(
              Kind.FORBIDDEN,
              "blocked",
              "You blocked "
                  + (recipientName == null || recipientName.isBlank() ? "this user" : recipientName)
                  + ": unblock them to send a message.");
      case NONE -> {}
    }
  }

  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              action.run();
            }
          });
    } else {
      action.run();
    }
  }

  static String threadId(String listingId, String buyerId) {
    return uuid("thread|listing|" + listingId + "|" + buyerId);
  }

  static String messageId(String senderId, String idempotencyKey) {
    return uuid("message|" + senderId + "|" + idempotencyKey);
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String displayName(Identity caller) {
    return caller.username().isBlank() ? caller.userId() : caller.username();
  }

  private static DomainException notFound(String threadId) {
    return DomainException.notFound("Thread " + threadId);
  }
}
