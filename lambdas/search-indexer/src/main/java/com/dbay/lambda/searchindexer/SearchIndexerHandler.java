package com.dbay.lambda.searchindexer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import java.util.Set;

/**
 * Subscribed (EventBridge rule / local bus rule) to {@code source: dbay.listing}. An event type it does
 * not know is an error, not a silent skip: it means the rule and the handler disagree.
 */
public class SearchIndexerHandler implements RequestHandler<ScheduledEvent, String> {

    static final Set<String> UPSERTS = Set.of("ListingCreated", "ListingUpdated", "ListingPublished");
    static final Set<String> REMOVALS = Set.of("ListingEnded", "ListingWithdrawn", "ListingDeleted");

    private final ListingIndex index;

    public SearchIndexerHandler() {
        this(ListingIndex.notYetImplemented());
    }

    public SearchIndexerHandler(ListingIndex index) {
        this.index = index;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        String type = event.getDetailType();
        Map<String, Object> detail = event.getDetail();
        Object id = detail == null ? null : detail.get("listingId");
        if (!(id instanceof String listingId)) {
            throw new IllegalArgumentException(type + " event " + event.getId() + " has no detail.listingId");
        }
        if (UPSERTS.contains(type)) {
            index.upsert(listingId, detail);
            return "upserted " + listingId;
        }
        if (REMOVALS.contains(type)) {
            index.remove(listingId);
            return "removed " + listingId;
        }
        throw new IllegalArgumentException("search-indexer does not handle detail-type " + type);
    }
}
