package com.dbay.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * For a {@link ServiceApplicationContract} of a service that keeps documents: a round trip to its
 * own Mongo database.
 */
public interface MongoRoundTrip extends StoreRoundTrip {

  @Test
  default void writesAndReadsBackFromMongo() {
    MongoTemplate mongo = context().getBean(MongoTemplate.class);
    String id = UUID.randomUUID().toString();
    mongo.insert(new Document("_id", id).append("probe", "round-trip"), "it_roundtrip");

    Document found = mongo.findById(id, Document.class, "it_roundtrip");

    assertThat(found).isNotNull();
    assertThat(found.getString("probe")).isEqualTo("round-trip");
    assertThat(mongo.getDb().getName()).isEqualTo("dbay_" + service());
    mongo.remove(found, "it_roundtrip");
  }
}
