package com.dbay.lambda.searchindexer;

import com.dbay.lambda.support.NotYetImplemented;
import java.util.Map;

/** The search index of listings. Both operations are idempotent, since events may arrive twice. */
public interface ListingIndex {

    void upsert(String listingId, Map<String, Object> listing);

    void remove(String listingId);

    static ListingIndex notYetImplemented() {
        return new ListingIndex() {
            public void upsert(String listingId, Map<String, Object> listing) {
                throw new NotYetImplemented("search-indexer", "indexing listings", "the listing/search issue");
            }

            public void remove(String listingId) {
                throw new NotYetImplemented("search-indexer", "indexing listings", "the listing/search issue");
            }
        };
    }
}
