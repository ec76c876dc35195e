package com.dbay.order.offers;

import com.dbay.order.orders.OrderProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Offers' periodic work ({@link OfferService#sweep}), on the orders' sweep interval ({@code
 * dbay.order.auto-release-interval}, {@code 0s} off): offers and counters past their 48 hours
 * expire and their holds are released; acceptances and holds a crash or an outage left unfinished
 * are finished. Here rather than in the serverless runtime for the orders' reasons (this service
 * owns the offer's state, its clock and the wallet calls); each offer is taken {@code FOR UPDATE
 * SKIP LOCKED} and re-checked, so several instances may sweep.
 */
@Component
class OfferSweeps implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OfferSweeps.class);

  private final OfferService offers;
  private final OrderProperties properties;
  private ScheduledExecutorService timer;

  OfferSweeps(OfferService offers, OrderProperties properties) {
    this.offers = offers;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    Duration every = properties.autoReleaseInterval();
    if (every.isZero() || every.isNegative()) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("offer-sweeps").factory());
    timer.scheduleWithFixedDelay(
        this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  void sweep() {
    try {
      int changed = offers.sweep(properties.autoReleaseBatch());
      if (changed > 0) {
        log.info("offer sweep: {} offer(s) expired or finished", changed);
      }
    } catch (RuntimeException e) {
      log.warn("offer sweep failed; the next one retries: {}", e.toString());
    }
  }

  @Override
  public void destroy() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
