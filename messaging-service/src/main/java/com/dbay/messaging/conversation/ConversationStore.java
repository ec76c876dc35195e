package com.dbay.messaging.conversation;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Threads and messages in MongoDB. The wire server here (and DocumentDB's limits) allow no
 * multi-document transaction, so every write is one document operation that is right on its own:
 *
 * <ul>
 *   <li>{@code threads}: one document per thread, {@code _id} derived from (listing, buyer), so a
 *       start is one upsert that finds the first. Its {@code last*} fields summarise the newest
 *       message for the list; they only move forward ({@code lastAt} compared in the filter), so a
 *       repeated or late update cannot set them back.
 *   <li>{@code messages}: one document per message, {@code _id} derived from the sender's
 *       Idempotency-Key, so a retried insert finds the first. Unread is the message's own {@code
 *       readAt}: counts are queries over the messages, never a counter that a crash between two
 *       writes could leave wrong; marking read is one multi-document update (idempotent).
 * </ul>
 */
@Repository
class ConversationStore {

  private static final Logger log = LoggerFactory.getLogger(ConversationStore.class);

  static final String THREADS = "threads";
  static final String MESSAGES = "messages";

  /** A stored message and whether this insert was a repeat of an earlier one with the same id. */
  record Inserted(Message message, boolean repeated) {}

  private final MongoTemplate mongo;

  ConversationStore(MongoTemplate mongo) {
    this.mongo = mongo;
    try {
      threads().createIndex(Indexes.ascending("participants", "lastAt"));
      messages().createIndex(Indexes.ascending("threadId", "createdAt"));
      messages().createIndex(Indexes.ascending("recipientId", "readAt"));
    } catch (RuntimeException e) {
      // Queries work without them (slower); the next start tries again.
      log.warn("could not create the messaging indexes", e);
    }
  }

  private MongoCollection<Document> threads() {
    return mongo.getCollection(THREADS);
  }

  private MongoCollection<Document> messages() {
    return mongo.getCollection(MESSAGES);
  }

  /**
   * Creates the thread unless it exists: one upsert. Answers the stored thread and whether this
   * call created it.
   */
  Map.Entry<Conversation, Boolean> startOrFind(Conversation candidate) {
    Bson setOnInsert =
        Updates.combine(
            Updates.setOnInsert("listingId", candidate.listingId()),
            Updates.setOnInsert("listingTitle", candidate.listingTitle()),
            Updates.setOnInsert("orderId", candidate.orderId()),
            Updates.setOnInsert("buyerId", candidate.buyerId()),
            Updates.setOnInsert("buyerName", candidate.buyerName()),
            Updates.setOnInsert("sellerId", candidate.sellerId()),
            Updates.setOnInsert("sellerName", candidate.sellerName()),
            Updates.setOnInsert("participants", List.of(candidate.buyerId(), candidate.sellerId())),
            Updates.setOnInsert("createdAt", Date.from(candidate.createdAt())));
    Document before =
        threads()
            .findOneAndUpdate(
                Filters.eq("_id", candidate.id()),
                setOnInsert,
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    return before == null ? Map.entry(candidate, true) : Map.entry(conversation(before), false);
  }

  Optional<Conversation> find(String threadId) {
    return Optional.ofNullable(threads().find(Filters.eq("_id", threadId)).first())
        .map(ConversationStore::conversation);
  }

  /** The user's threads that have a message, newest message first, after {@code after}. */
  List<Conversation> ofUser(String userId, PagePosition after, int limit) {
    List<Bson> filters = new ArrayList<>();
    filters.add(Filters.eq("participants", userId));
    filters.add(Filters.exists("lastAt"));
    if (after != null) {
      Date at = Date.from(after.at());
      filters.add(
          Filters.or(
              Filters.lt("lastAt", at),
              Filters.and(Filters.eq("lastAt", at), Filters.lt("_id", after.id()))));
    }
    List<Conversation> out = new ArrayList<>();
    threads()
        .find(Filters.and(filters))
        .sort(Sorts.descending("lastAt", "_id"))
        .limit(limit)
        .forEach(d -> out.add(conversation(d)));
    return out;
  }

  /**
   * Stores the message: one insert. A message with the same id already there (the same sender's
   * retry with the same Idempotency-Key) is answered instead, marked as a repeat.
   */
  Inserted insert(Message m) {
    Document doc =
        new Document("_id", m.id())
            .append("threadId", m.threadId())
            .append("senderId", m.senderId())
            .append("recipientId", m.recipientId())
            .append("body", m.body())
            .append("createdAt", Date.from(m.createdAt()))
            .append("readAt", null);
    try {
      messages().insertOne(doc);
      return new Inserted(m, false);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      Document existing = messages().find(Filters.eq("_id", m.id())).first();
      if (existing == null) {
        throw e;
      }
      return new Inserted(message(existing), true);
    }
  }

  /** Moves the thread's summary to {@code m} unless a newer message is already there. */
  void touch(Message m) {
    Date at = Date.from(m.createdAt());
    threads()
        .updateOne(
            Filters.and(
                Filters.eq("_id", m.threadId()),
                Filters.or(Filters.exists("lastAt", false), Filters.lte("lastAt", at))),
            Updates.combine(
                Updates.set("lastAt", at),
                Updates.set("lastMessageId", m.id()),
                Updates.set("lastSenderId", m.senderId()),
                Updates.set("lastPreview", m.preview())));
  }

  /** A page of the thread's messages, newest first, older than {@code before}. */
  List<Message> messages(String threadId, PagePosition before, int limit) {
    List<Bson> filters = new ArrayList<>();
    filters.add(Filters.eq("threadId", threadId));
    if (before != null) {
      Date at = Date.from(before.at());
      filters.add(
          Filters.or(
              Filters.lt("createdAt", at),
              Filters.and(Filters.eq("createdAt", at), Filters.lt("_id", before.id()))));
    }
    List<Message> out = new ArrayList<>();
    messages()
        .find(Filters.and(filters))
        .sort(Sorts.descending("createdAt", "_id"))
        .limit(limit)
        .forEach(d -> out.add(message(d)));
    return out;
  }

  /** Unread messages to {@code userId}, per thread. */
  Map<String, Long> unreadByThread(String userId) {
    Map<String, Long> out = new HashMap<>();
    messages()
        .aggregate(
            List.of(
                Aggregates.match(unreadTo(userId)),
                Aggregates.group("$threadId", Accumulators.sum("n", 1))))
        .forEach(d -> out.put(d.getString("_id"), ((Number) d.get("n")).longValue()));
    return out;
  }

  long unread(String userId) {
    return messages().countDocuments(unreadTo(userId));
  }

  /**
   * Marks every message to {@code userId} in the thread read: one update, a repeat changes none.
   */
  long markRead(String threadId, String userId, Instant now) {
    return messages()
        .updateMany(
            Filters.and(Filters.eq("threadId", threadId), unreadTo(userId)),
            Updates.set("readAt", Date.from(now)))
        .getModifiedCount();
  }

  private static Bson unreadTo(String userId) {
    return Filters.and(Filters.eq("recipientId", userId), Filters.eq("readAt", null));
  }

  private static Conversation conversation(Document d) {
    Conversation.LastMessage last =
        d.getDate("lastAt") == null
            ? null
            : new Conversation.LastMessage(
                d.getString("lastMessageId"),
                d.getString("lastSenderId"),
                d.getString("lastPreview"),
                d.getDate("lastAt").toInstant());
    return new Conversation(
        d.getString("_id"),
        d.getString("listingId"),
        d.getString("listingTitle"),
        d.getString("orderId"),
        d.getString("buyerId"),
        d.getString("buyerName"),
        d.getString("sellerId"),
        d.getString("sellerName"),
        d.getDate("createdAt").toInstant(),
        last);
  }

  private static Message message(Document d) {
    Date read = d.getDate("readAt");
    return new Message(
        d.getString("_id"),
        d.getString("threadId"),
        d.getString("senderId"),
        d.getString("recipientId"),
        d.getString("body"),
        d.getDate("createdAt").toInstant(),
        read == null ? null : read.toInstant());
  }
}
