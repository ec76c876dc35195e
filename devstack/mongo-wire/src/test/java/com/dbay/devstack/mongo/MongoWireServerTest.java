package com.dbay.devstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerTest {

  @Test
  void answersTheHelloCommandThatDriversAndHealthChecksSend() {
    MongoServer server = MongoWireServer.start("127.0.0.1", 0, null);
    try (MongoClient client = MongoClients.create(server.getConnectionString())) {
      Document reply = client.getDatabase("dbay_listing").runCommand(new Document("hello", 1));

      assertThat(reply.get("isWritablePrimary")).isEqualTo(true);
      assertThat(reply.getInteger("maxWireVersion")).isPositive();
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void keepsDocumentsInTheH2FileAcrossRestarts(@TempDir Path dir) {
    String file = dir.resolve("mongo").toString();
    MongoServer first = MongoWireServer.start("127.0.0.1", 0, file);
    try (MongoClient client = MongoClients.create(first.getConnectionString())) {
      client
          .getDatabase("dbay_messaging")
          .getCollection("threads")
          .insertOne(new Document("_id", "t1").append("subject", "Shipping?"));
    } finally {
      first.shutdown();
    }

    MongoServer second = MongoWireServer.start("127.0.0.1", 0, file);
    try (MongoClient client = MongoClients.create(second.getConnectionString())) {
      Document thread =
          client
              .getDatabase("dbay_messaging")
              .getCollection("threads")
              .find(new Document("_id", "t1"))
              .first();

      assertThat(thread).isNotNull();
      assertThat(thread.getString("subject")).isEqualTo("Shipping?");
    } finally {
      second.shutdownNow();
    }
  }
}
