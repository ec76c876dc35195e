package com.dbay.search.saved;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.events.Outbox;
import com.dbay.search.SearchProperties;
import com.dbay.search.indexing.IndexNames;
import com.dbay.search.indexing.ListingIndexer;
import com.dbay.search.indexing.OpenSearchHttp;
import com.dbay.search.listings.ListingQueries;
import com.dbay.search.listings.SearchRequest;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saved searches of a user, each mirrored as a percolator query (its id is the document id) so that
 * the indexer finds the searches a new listing matches. The row and the stored query change
 * together: the query is written inside the transaction, so a failed write leaves no row without
 * its query.
 */
@Service
public class SavedSearchService {

  private final SavedSearches searches;
  private final OpenSearchHttp opensearch;
  private final ListingIndexer indexer;
  private final IndexNames names;
  private final Outbox outbox;
  private final Clock clock;
  private final int maxPerUser;

  public SavedSearchService(
      SavedSearches searches,
      OpenSearchHttp opensearch,
      ListingIndexer indexer,
      Outbox outbox,
      SearchProperties properties) {
    this.searches = searches;
    this.opensearch = opensearch;
    this.indexer = indexer;
    this.names = indexer.names();
    this.outbox = outbox;
    this.clock = Clock.systemUTC();
    this.maxPerUser = properties.maxSavedSearchesPerUser();
  }

  @Transactional
  public SavedSearches.WithCounts create(String userId, String name, SearchRequest filters) {
    if (searches.countByUser(userId) >= maxPerUser) {
      throw new DomainException(
          DomainException.Kind.UNPROCESSABLE,
          "saved-search-limit",
          "You can keep at most " + maxPerUser + " saved searches; delete one first.");
    }
    SavedSearch search = SavedSearch.create(userId, name, filters, clock.instant());
    searches.save(search);
    storeQuery(search);
    return new SavedSearches.WithCounts(search, 0, 0);
  }

  @Transactional(readOnly = true)
  public List<SavedSearches.WithCounts> list(String userId) {
    return searches.byUser(userId);
  }

  @Transactional(readOnly = true)
  public SavedSearches.WithCounts get(String userId, UUID id) {
    return searches.withCounts(owned(userId, id));
  }

  @Transactional
  public SavedSearches.WithCounts change(
      String userId, UUID id, String name, SearchRequest filters) {
    SavedSearch search = owned(userId, id);
    search.change(name, filters, clock.instant());
    searches.save(search);
    storeQuery(search);
    return searches.withCounts(search);
  }

  @Transactional
  public void delete(String userId, UUID id) {
    SavedSearch search = owned(userId, id);
    searches.delete(search.id());
    OpenSearchHttp.Reply reply =
        opensearch.send(
            "DELETE", names.savedSearches() + "/_doc/" + search.id() + "?refresh=true", null);
    if (!reply.ok() && reply.status() != 404) {
      reply.orThrow("delete saved-search query");
    }
  }

  @Transactional
  public SavedSearches.WithCounts markSeen(String userId, UUID id) {
    SavedSearch search = owned(userId, id);
    search.markSeen(clock.instant());
    searches.save(search);
    return searches.withCounts(search);
  }

  @Transactional(readOnly = true)
  public List<SavedSearches.Match> matches(String userId, UUID id) {
    return searches.matches(owned(userId, id).id(), 50);
  }

  /**
   * The indexer's report: records each (saved search, listing) pair once and raises {@code
   * SavedSearchMatched} for the new ones in the same transaction. Unknown or deleted searches are
   * skipped (a deletion may race the report).
   */
  @Transactional
  public int recordMatches(String listingId, String title, List<String> savedSearchIds) {
    int fresh = 0;
    for (String raw : savedSearchIds) {
      UUID id;
      try {
        id = UUID.fromString(raw);
      } catch (IllegalArgumentException e) {
        continue;
      }
      var search = searches.find(id);
      if (search.isEmpty()) {
        continue;
      }
      if (searches.recordMatch(id, listingId, title, clock.instant())) {
        SavedSearch s = search.get();
        outbox.publish(
            "SavedSearchMatched",
            new SavedSearchMatched(s.id().toString(), s.userId(), s.name(), listingId, title));
        fresh++;
      }
    }
    return fresh;
  }

  /** Someone else's saved search is answered exactly like a missing one. */
  private SavedSearch owned(String userId, UUID id) {
    return searches
        .find(id)
        .filter(s -> s.isOwnedBy(userId))
        .orElseThrow(() -> DomainException.notFound("Saved search " + id));
  }

  private void storeQuery(SavedSearch search) {
    indexer.ensureIndices();
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("savedSearchId", search.id().toString());
    doc.put("userId", search.userId());
    doc.set("query", ListingQueries.percolatorQuery(search.filters()));
    opensearch
        .send("PUT", names.savedSearches() + "/_doc/" + search.id() + "?refresh=true", doc)
        .orThrow("store saved-search query");
  }
}
