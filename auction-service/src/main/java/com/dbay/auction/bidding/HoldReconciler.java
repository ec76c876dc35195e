package com.dbay.auction.bidding;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sets right the holds that may disagree with their auction for longer than {@code
 * dbay.auction.reconcile-after}: a crash between a wallet call and its commit, or a wallet that did
 * not answer. Each auction's bidders are set through the auction's lane ({@link
 * BiddingService#syncHolds}), so this never races a batch of bids; every instance may run it (a
 * hold is set to an exact amount, so doing it twice is harmless).
 */
@Component
class HoldReconciler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(HoldReconciler.class);

  private final Auctions auctions;
  private final BiddingService bidding;
  private final Clock clock;
  private final Duration after;
  private ScheduledExecutorService scheduler;

  HoldReconciler(
      Auctions auctions,
      BiddingService bidding,
      Clock clock,
      AuctionConfiguration.AuctionProperties properties) {
    this.auctions = auctions;
    this.bidding = bidding;
    this.clock = clock;
    this.after = properties.reconcileAfter();
  }

  /** One pass; returns how many auctions it visited. */
  int reconcileOnce() {
    Map<String, Set<String>> due = auctions.unsettledHoldsSince(clock.instant().minus(after), 500);
    due.forEach(
        (listingId, bidders) -> {
          try {
            bidding.syncHolds(listingId, bidders);
          } catch (RuntimeException e) {
            log.warn("reconciling holds of auction {} failed; next pass retries", listingId, e);
          }
        });
    if (!due.isEmpty()) {
      log.info("reconciled wallet holds on {} auctions", due.size());
    }
    return due.size();
  }

  @Override
  public void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("auction-hold-reconciler").daemon().factory());
    long period = Math.max(1_000, after.toMillis() / 2);
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            reconcileOnce();
          } catch (RuntimeException e) {
            log.warn("hold reconciler pass failed", e);
          }
        },
        period,
        period,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
