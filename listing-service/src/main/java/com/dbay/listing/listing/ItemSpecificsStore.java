package com.dbay.listing.listing;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The item-specifics document of each listing in MongoDB ({@code item_specifics}, one document per
 * listing, {@code _id} = listing id). It is written inside the listing's PostgreSQL transaction,
 * just before the commit: a Mongo failure rolls the listing back. The wire server here has no
 * multi-document transactions, so a failed PostgreSQL commit after the write leaves the newer
 * document behind; the next save of that listing overwrites it.
 */
@Repository
class ItemSpecificsStore {

  static final String COLLECTION = "item_specifics";

  private final MongoTemplate mongo;

  ItemSpecificsStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  void save(UUID listingId, long categoryId, Map<String, String> specifics, long version) {
    Document doc =
        new Document("_id", listingId.toString())
            .append("categoryId", categoryId)
            // Kept as a list of pairs: names may contain dots or start with '$', which field names
            // may not.
            .append(
                "specifics",
                specifics.entrySet().stream()
                    .map(e -> new Document("name", e.getKey()).append("value", e.getValue()))
                    .toList())
            .append("listingVersion", version);
    mongo
        .getCollection(COLLECTION)
        .replaceOne(
            new Document("_id", listingId.toString()),
            doc,
            new com.mongodb.client.model.ReplaceOptions().upsert(true));
  }

  Map<String, String> find(UUID listingId) {
    return findAll(List.of(listingId)).getOrDefault(listingId, Map.of());
  }

  Map<UUID, Map<String, String>> findAll(Collection<UUID> listingIds) {
    if (listingIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Map<String, String>> out = new HashMap<>();
    Query query =
        Query.query(Criteria.where("_id").in(listingIds.stream().map(UUID::toString).toList()));
    for (Document doc : mongo.find(query, Document.class, COLLECTION)) {
      Map<String, String> specifics = new LinkedHashMap<>();
      for (Object o : doc.getList("specifics", Document.class, List.of())) {
        Document pair = (Document) o;
        specifics.put(pair.getString("name"), pair.getString("value"));
      }
      out.put(UUID.fromString(doc.getString("_id")), specifics);
    }
    return out;
  }
}
