package com.dbay.messaging.conversation;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dbay.messaging.*}.
 *
 * @param listingUrl listing-service, whose public listing page names the seller ({@code
 *     DBAY_LISTING_URL})
 * @param maxLength the longest message, in characters (Unicode code points)
 * @param ratePerMinute messages a user may send per minute, sustained
 * @param rateBurst messages a user may send at once before the per-minute rate applies
 * @param listingTimeout how long to wait for listing-service when a thread starts
 * @param orderUrl order-service, whose internal disputes endpoint says whether an admin may read a
 *     thread ({@code DBAY_ORDER_URL})
 * @param orderTimeout how long to wait for order-service
 */
@ConfigurationProperties("dbay.messaging")
public record MessagingProperties(
    @DefaultValue("http://127.0.0.1:8001") URI listingUrl,
    @DefaultValue("2000") int maxLength,
    @DefaultValue("20") int ratePerMinute,
    @DefaultValue("10") int rateBurst,
    @DefaultValue("5s") Duration listingTimeout,
    @DefaultValue("http://127.0.0.1:8005") URI orderUrl,
    @DefaultValue("3s") Duration orderTimeout) {}
