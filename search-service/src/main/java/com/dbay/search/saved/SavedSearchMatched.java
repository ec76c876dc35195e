package com.dbay.search.saved;

/**
 * Event {@code SavedSearchMatched} (source {@code dbay.search}): a newly indexed listing matches a
 * user's saved search.
 */
public record SavedSearchMatched(
    String savedSearchId, String userId, String savedSearchName, String listingId, String title) {}
