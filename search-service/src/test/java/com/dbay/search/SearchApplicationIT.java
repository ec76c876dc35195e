package com.dbay.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.test.MemcachedRoundTrip;
import com.dbay.platform.test.ServiceApplicationContract;
import com.dbay.platform.test.TestStores;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The search service boots against the real stores of the environment contract, reports itself
 * ready with each of them, and can write to and read back from each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchApplicationIT extends ServiceApplicationContract implements MemcachedRoundTrip {

  @Autowired OpenSearchClient opensearch;

  SearchApplicationIT() {
    super("search", "opensearch", "memcached");
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("search");
  }

  @Test
  void indexesAndReadsBackFromOpenSearch() throws Exception {
    String index = "it-search-" + UUID.randomUUID();
    try {
      opensearch.index(
          i ->
              i.index(index)
                  .id("probe")
                  .document(Map.of("title", "round-trip"))
                  .refresh(Refresh.True));

      var found = opensearch.get(g -> g.index(index).id("probe"), Map.class);

      assertThat(found.found()).isTrue();
      assertThat(found.source()).containsEntry("title", "round-trip");
    } finally {
      opensearch.indices().delete(d -> d.index(index));
    }
  }
}
