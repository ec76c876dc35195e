package com.dbay.platform.starter.opensearch;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the cluster is green or yellow (a single dev node is yellow once it has replicas to
 * place).
 */
public class OpenSearchHealthIndicator extends AbstractHealthIndicator {

  private final OpenSearchClient client;

  public OpenSearchHealthIndicator(OpenSearchClient client) {
    super("OpenSearch health check failed");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    var health = client.cluster().health();
    builder
        .withDetail("cluster", health.clusterName())
        .withDetail("status", health.status().jsonValue())
        .withDetail("nodes", health.numberOfNodes());
    if (health.status() == HealthStatus.Red) {
      builder.down();
    } else {
      builder.up();
    }
  }
}
