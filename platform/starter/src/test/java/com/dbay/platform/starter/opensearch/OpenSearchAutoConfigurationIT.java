package com.dbay.platform.starter.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.money.Doge;
import com.dbay.platform.test.TestStores;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The OpenSearch client and health indicator against the real OpenSearch of the environment
 * contract.
 */
class OpenSearchAutoConfigurationIT {

  record ListingDoc(String id, String title, Doge price) {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  JacksonAutoConfiguration.class, OpenSearchAutoConfiguration.class));

  @Test
  void indexesADocumentAndReadsItBackWithAmountsAsStrings() {
    runner
        .withPropertyValues("dbay.opensearch.url=" + TestStores.opensearchUrl())
        .run(
            context -> {
              OpenSearchClient client = context.getBean(OpenSearchClient.class);
              String index = "h1-it-" + UUID.randomUUID();
              try {
                client.index(
                    i ->
                        i.index(index)
                            .id("L1")
                            .document(new ListingDoc("L1", "Shiba plush", Doge.parse("12.5")))
                            .refresh(Refresh.True));

                var found = client.get(g -> g.index(index).id("L1"), ListingDoc.class);
                assertThat(found.found()).isTrue();
                assertThat(found.source())
                    .isEqualTo(new ListingDoc("L1", "Shiba plush", Doge.parse("12.5")));
                var raw = client.get(g -> g.index(index).id("L1"), java.util.Map.class);
                assertThat(raw.source()).containsEntry("price", "12.50000000");
                assertThat(
                        context.getBean(OpenSearchHealthIndicator.class).health(true).getStatus())
                    .isEqualTo(Status.UP);
              } finally {
                client.indices().delete(d -> d.index(index));
              }
            });
  }

  @Test
  void isDownWhenTheClusterDoesNotAnswer() {
    runner
        .withPropertyValues("dbay.opensearch.url=http://127.0.0.1:1")
        .run(
            context ->
                assertThat(
                        context.getBean(OpenSearchHealthIndicator.class).health(true).getStatus())
                    .isEqualTo(Status.DOWN));
  }
}
