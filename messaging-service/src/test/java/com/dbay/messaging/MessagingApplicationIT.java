package com.dbay.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.test.ServiceApplicationContract;
import com.dbay.platform.test.TestStores;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The messaging service boots against the real stores of the environment contract, reports itself ready
 * with each of them, and can write to and read back from each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessagingApplicationIT extends ServiceApplicationContract {

  @Autowired MongoTemplate mongo;

  MessagingApplicationIT() {
    super("messaging", "mongo");
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("messaging");
  }

  @Test
  void writesAndReadsBackFromMongo() {
    String id = UUID.randomUUID().toString();
    mongo.insert(new Document("_id", id).append("probe", "round-trip"), "it_roundtrip");

    Document found = mongo.findById(id, Document.class, "it_roundtrip");

    assertThat(found).isNotNull();
    assertThat(found.getString("probe")).isEqualTo("round-trip");
    assertThat(mongo.getDb().getName()).isEqualTo("dbay_messaging");
    mongo.remove(found, "it_roundtrip");
  }
}
