package com.dbay.platform.starter.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the server answers {@code {ping: 1}}. Boot's own indicator sends {@code hello}, which the
 * local MongoDB-wire server (mongo-java-server) does not know, so it would report a working store
 * as DOWN; {@code ping} is answered by MongoDB, DocumentDB and the wire server alike.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

  private final MongoClient client;

  public MongoPingHealthIndicator(MongoClient client) {
    super("MongoDB health check failed");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
    Object ok = answer.get("ok");
    if (ok instanceof Number n && n.doubleValue() == 1.0) {
      builder.up();
    } else {
      builder.down().withDetail("answer", answer.toJson());
    }
  }
}
