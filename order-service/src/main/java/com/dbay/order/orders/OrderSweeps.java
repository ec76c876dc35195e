package com.dbay.order.orders;

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
 * The order-service's periodic work, every {@code dbay.order.auto-release-interval}:
 *
 * <ul>
 *   <li>auto-release: the escrow of a shipped order goes to the seller 14 days after shipment when
 *       nobody confirmed or disputed ({@link OrderService#autoReleaseDue});
 *   <li>checkout recovery: a checkout a crash left half done is undone ({@link
 *       CheckoutService#recoverStale}).
 * </ul>
 *
 * A sweep here rather than a schedule in the serverless runtime: order-service owns the order's
 * state, its clock and the escrow calls, and one indexed query over its own table finds every due
 * order, while a schedule would need a new internal endpoint doing exactly this. Several instances
 * may sweep at once: each order is taken with {@code FOR UPDATE SKIP LOCKED} and re-checked under
 * the lock, and every wallet and listing step is keyed by the order.
 */
@Component
class OrderSweeps implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OrderSweeps.class);

  private final OrderService orders;
  private final CheckoutService checkouts;
  private final OrderProperties properties;
  private ScheduledExecutorService timer;

  OrderSweeps(OrderService orders, CheckoutService checkouts, OrderProperties properties) {
    this.orders = orders;
    this.checkouts = checkouts;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    Duration every = properties.autoReleaseInterval();
    if (every.isZero() || every.isNegative()) {
      log.info("order sweeps off (dbay.order.auto-release-interval={})", every);
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("order-sweeps").factory());
    timer.scheduleWithFixedDelay(
        this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  void sweep() {
    try {
      int completed = orders.autoReleaseDue(properties.autoReleaseBatch());
      int undone = checkouts.recoverStale(properties.autoReleaseBatch());
      if (completed > 0 || undone > 0) {
        log.info("order sweeps: {} released, {} half-done checkout(s) undone", completed, undone);
      }
    } catch (RuntimeException e) {
      log.warn("order sweep failed; the next one retries: {}", e.toString());
    }
  }

  @Override
  public void destroy() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
