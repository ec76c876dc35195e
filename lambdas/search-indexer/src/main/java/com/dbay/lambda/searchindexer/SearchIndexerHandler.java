package com.dbay.lambda.searchindexer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.dbay.search.indexing.HttpSavedSearchMatches;
import com.dbay.search.indexing.IndexNames;
import com.dbay.search.indexing.ListingIndexer;
import com.dbay.search.indexing.OpenSearchHttp;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Subscribed (EventBridge rule / local bus rule) to listing snapshots from {@code dbay.listing} and
 * price moves from {@code dbay.auction}. An event type it does not know is an error, not a silent
 * skip: it means the rule and the handler disagree. Out-of-order and replayed events are no-ops
 * (see {@link ListingIndexer}).
 */
public class SearchIndexerHandler implements RequestHandler<ScheduledEvent, String> {

  static final Set<String> LISTING_EVENTS =
      Set.of("ListingPublished", "ListingChanged", "ListingEnded");

  /**
   * Saved searches are about listings becoming findable or changing into a match, not about
   * endings.
   */
  static final Set<String> PERCOLATED = Set.of("ListingPublished", "ListingChanged");

  static final Set<String> AUCTION_UPDATES =
      Set.of("BidPlaced", "AuctionPriceChanged", "AuctionExtended");
  static final String AUCTION_ENDED = "AuctionEnded";

  private final ListingIndexer indexer;

  /**
   * The Lambda runtime's constructor: OpenSearch, search-service and the index prefix from the
   * environment.
   */
  public SearchIndexerHandler() {
    this(
        new ListingIndexer(
            OpenSearchHttp.fromEnvironment(),
            IndexNames.fromEnvironment(),
            HttpSavedSearchMatches.fromEnvironment()));
  }

  public SearchIndexerHandler(ListingIndexer indexer) {
    this.indexer = indexer;
  }

  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    String type = event.getDetailType();
    String source = event.getSource();
    JsonNode detail =
        OpenSearchHttp.JSON.valueToTree(
            event.getDetail() == null ? java.util.Map.of() : event.getDetail());
    ListingIndexer.Outcome outcome;
    if ("dbay.listing".equals(source) && LISTING_EVENTS.contains(type)) {
      outcome = indexer.onListing(detail, PERCOLATED.contains(type));
    } else if ("dbay.auction".equals(source)
        && (AUCTION_UPDATES.contains(type) || AUCTION_ENDED.equals(type))) {
      outcome = indexer.onAuction(detail, AUCTION_ENDED.equals(type));
    } else {
      throw new IllegalArgumentException("search-indexer does not handle " + source + " / " + type);
    }
    return outcome.result()
        + " "
        + outcome.listingId()
        + (outcome.matchedSavedSearches().isEmpty()
            ? ""
            : " matched " + outcome.matchedSavedSearches().size());
  }
}
