package com.dbay.search.index.web;

import com.dbay.platform.starter.servicecall.InternalApi;
import com.dbay.search.index.IndexRebuild;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code ./dbay reindex}: rebuild the listings index from listing-service's snapshots, then swap
 * the alias.
 */
@RestController
class IndexAdminController {

  private final IndexRebuild rebuild;

  IndexAdminController(IndexRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @InternalApi(callers = "operator")
  @PostMapping("/api/v1/search/internal/reindex")
  IndexRebuild.Report reindex() {
    return rebuild.rebuild();
  }
}
