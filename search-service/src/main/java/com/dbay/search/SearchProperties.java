package com.dbay.search;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dbay.search.*}: where the indices and listing-service are, cursors and caching. (Internal
 * callers are the platform's signed service calls, not settings here.)
 */
@ConfigurationProperties("dbay.search")
public record SearchProperties(
    @DefaultValue("dbay-") String indexPrefix,
    @DefaultValue("http://127.0.0.1:8001") URI listingUrl,
    @DefaultValue("") String cursorSecret,
    /**
     * How long a search answer is served from Memcached; short, so an edit shows within the 2 s
     * goal.
     */
    @DefaultValue("1s") Duration resultCacheTtl,
    /** As short as the result cache's, so a new listing is offered as soon as it is found. */
    @DefaultValue("1s") Duration suggestCacheTtl,
    /**
     * Suggestions are answered from titles held in memory (false: from OpenSearch's completion
     * field through Memcached, as before).
     */
    @DefaultValue("true") boolean suggestInMemory,
    /** How often the in-memory titles read what the index changed. */
    @DefaultValue("250ms") Duration suggestRefresh,
    /** How far back each read starts: writes still being indexed may carry older numbers. */
    @DefaultValue("2s") Duration suggestOverlap,
    /** A full reload of the titles this often (catches documents deleted by hand). */
    @DefaultValue("10m") Duration suggestFullReload,
    @DefaultValue("5m") Duration categoryCacheTtl,
    @DefaultValue("500") int rebuildPageSize,
    @DefaultValue("50") int maxSavedSearchesPerUser) {}
