package com.dbay.search.index;

import com.dbay.search.SearchProperties;
import com.dbay.search.indexing.IndexNames;
import com.dbay.search.indexing.ListingIndexer;
import com.dbay.search.indexing.OpenSearchHttp;
import com.dbay.search.indexing.SavedSearchMatches;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenSearch access of the service. Queries are JSON built from validated parameters (never
 * user JSON), sent with the same thin client the indexer uses, so the service reads OpenSearch's
 * own {@code took} and answers exactly as OpenSearch documents them.
 */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

  @Bean
  OpenSearchHttp openSearchHttp(@Value("${dbay.opensearch.url}") String url) {
    return new OpenSearchHttp(URI.create(url));
  }

  @Bean
  IndexNames indexNames(SearchProperties properties) {
    return new IndexNames(properties.indexPrefix());
  }

  /** For the rebuild: old listings are not news, so nothing is percolated from here. */
  @Bean
  ListingIndexer listingIndexer(OpenSearchHttp opensearch, IndexNames names) {
    return new ListingIndexer(opensearch, names, SavedSearchMatches.NONE);
  }
}
