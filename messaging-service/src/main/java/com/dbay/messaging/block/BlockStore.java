package com.dbay.messaging.block;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code blocks}: one document per (blocker, blocked), {@code _id} made of the two, so blocking is
 * one upsert and unblocking one delete, both repeatable.
 */
@Repository
class BlockStore {

  private static final Logger log = LoggerFactory.getLogger(BlockStore.class);

  private final MongoTemplate mongo;

  BlockStore(MongoTemplate mongo) {
    this.mongo = mongo;
    try {
      blocks().createIndex(Indexes.ascending("blockerId", "createdAt"));
    } catch (RuntimeException e) {
      log.warn("could not create the blocks index", e);
    }
  }

  private MongoCollection<Document> blocks() {
    return mongo.getCollection("blocks");
  }

  private static String id(String blockerId, String blockedId) {
    return blockerId + "|" + blockedId;
  }

  /** Blocks; a repeat keeps the first time. */
  void block(String blockerId, String blockedId, Instant at) {
    if (exists(blockerId, blockedId)) {
      return;
    }
    blocks()
        .replaceOne(
            Filters.eq("_id", id(blockerId, blockedId)),
            new Document("_id", id(blockerId, blockedId))
                .append("blockerId", blockerId)
                .append("blockedId", blockedId)
                .append("createdAt", Date.from(at)),
            new ReplaceOptions().upsert(true));
  }

  void unblock(String blockerId, String blockedId) {
    blocks().deleteOne(Filters.eq("_id", id(blockerId, blockedId)));
  }

  boolean exists(String blockerId, String blockedId) {
    return blocks().find(Filters.eq("_id", id(blockerId, blockedId))).first() != null;
  }

  List<Block> of(String blockerId) {
    List<Block> out = new ArrayList<>();
    blocks()
        .find(Filters.eq("blockerId", blockerId))
        .sort(Sorts.descending("createdAt"))
        .limit(500)
        .forEach(
            d ->
                out.add(
                    new Block(
                        d.getString("blockerId"),
                        d.getString("blockedId"),
                        d.getDate("createdAt").toInstant())));
    return out;
  }
}
