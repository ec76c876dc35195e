package com.dbay.listing.listing;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The listing rules that differ between marketplaces or environments.
 *
 * @param auctionDays the durations an auction may run
 * @param fixedDays the durations a fixed-price listing may run
 * @param minuteDurations whether {@code durationMinutes} (1–120) is accepted too: only for the
 *     local demo data, so that a newcomer sees auctions end within minutes of start-up; off
 *     everywhere else
 * @param maxScheduleAhead how far ahead a start may be scheduled
 */
@ConfigurationProperties("dbay.listing.rules")
public record ListingRules(
    @DefaultValue({"1", "3", "5", "7", "10"}) List<Integer> auctionDays,
    @DefaultValue({"1", "3", "5", "7", "10", "30"}) List<Integer> fixedDays,
    @DefaultValue("false") boolean minuteDurations,
    @DefaultValue("21d") Duration maxScheduleAhead) {}
