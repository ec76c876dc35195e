package com.dbay.search.index;

import com.dbay.search.indexing.ListingIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the first listings index (behind its alias) and the saved-search index when they are
 * missing. A failure is logged, not fatal: the indexer creates them too, and searches answer empty
 * until then.
 */
@Component
class IndexBootstrap {

  private static final Logger log = LoggerFactory.getLogger(IndexBootstrap.class);

  private final ListingIndexer indexer;

  IndexBootstrap(ListingIndexer indexer) {
    this.indexer = indexer;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensureIndices() {
    try {
      indexer.ensureIndices();
    } catch (RuntimeException e) {
      log.warn("could not create the search indices yet: {}", e.getMessage());
    }
  }
}
