package com.dbay.search.saved.web;

import com.dbay.platform.starter.servicecall.InternalApi;
import com.dbay.search.listings.InvalidSearch;
import com.dbay.search.saved.SavedSearchService;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal, for the search-indexer function only (signed, {@code @InternalApi}): the saved searches
 * a listing matched.
 */
@RestController
class SavedSearchMatchesController {

  record MatchReport(String listingId, String title, List<String> savedSearchIds) {}

  record Recorded(int newMatches) {}

  private final SavedSearchService service;

  SavedSearchMatchesController(SavedSearchService service) {
    this.service = service;
  }

  @InternalApi(callers = "search-indexer")
  @PostMapping("/api/v1/search/internal/saved-search-matches")
  Recorded record(@RequestBody MatchReport report) {
    if (report.listingId() == null
        || report.listingId().isBlank()
        || report.listingId().length() > 100) {
      throw new InvalidSearch("listingId", "1 to 100 characters");
    }
    if (report.savedSearchIds() == null || report.savedSearchIds().size() > 1000) {
      throw new InvalidSearch("savedSearchIds", "a list of at most 1000 ids");
    }
    String title =
        report.title() == null
            ? null
            : report.title().substring(0, Math.min(300, report.title().length()));
    return new Recorded(service.recordMatches(report.listingId(), title, report.savedSearchIds()));
  }
}
