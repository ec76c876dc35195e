package com.dbay.search.indexing;

import java.util.List;

/**
 * Where the saved searches a listing matched are reported: search-service records each (saved
 * search, listing) pair once and raises {@code SavedSearchMatched} through its outbox. Reporting
 * the same pair again changes nothing, so a retried event is harmless.
 */
public interface SavedSearchMatches {

  SavedSearchMatches NONE = (listingId, title, savedSearchIds) -> {};

  void report(String listingId, String title, List<String> savedSearchIds);
}
