package com.dbay.wallet.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.application.service.HoldService;
import com.dbay.wallet.application.service.LedgerQueries;
import com.dbay.wallet.domain.Balances;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One user's concurrent holds share commits (PerUserCommits): the refused ones, interleaved with
 * accepted ones in the same transactions, undo nothing but themselves, and what was acknowledged is
 * exactly what the ledger shows.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.datasource.hikari.maximum-pool-size=24")
class HoldsOfOneUserShareCommitsIT {

  private static final int THREADS = 16;
  private static final int HOLDS = 240;
  private static final long FUNDED_DOGE = 100;

  @Autowired HoldService holds;
  @Autowired DepositService deposits;
  @Autowired LedgerQueries ledger;
  @Autowired JdbcTemplate jdbc;

  @Test
  void concurrentHoldsOfOneUserBeyondTheirBalanceAcceptExactlyWhatFitsAndShareCommits()
      throws Exception {
    UserId bidder = new UserId("shared-commit-" + UUID.randomUUID());
    DevFunding.fund(deposits, bidder, FUNDED_DOGE);
    String caller = "auction-service";
    Map<String, HoldService.HoldView> acknowledged = new ConcurrentHashMap<>();
    Map<String, String> refused = new ConcurrentHashMap<>();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < HOLDS; i++) {
      String auction = "auction-" + i;
      work.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  acknowledged.put(
                      auction,
                      holds.setHold(caller, "hold-" + auction, bidder, auction, Doge.ofDoge(1)));
                } catch (WalletException.InsufficientFunds e) {
                  refused.put(auction, e.getMessage());
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();

    assertThat(acknowledged).hasSize((int) FUNDED_DOGE);
    assertThat(refused).hasSize(HOLDS - (int) FUNDED_DOGE);
    Balances balances = ledger.balances(bidder);
    assertThat(balances.available()).isEqualTo(Doge.ZERO);
    assertThat(balances.held()).isEqualTo(Doge.ofDoge(FUNDED_DOGE));
    List<String> openHolds =
        jdbc.queryForList(
            "select reference from holds where owner = ? and status = 'OPEN' and amount > 0",
            String.class,
            bidder.value());
    assertThat(openHolds).containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
    assertThat(ledger.audit().problems()).isEmpty();

    // A posting's created_at is its transaction's start (now()): fewer distinct ones than holds
    // means commits were shared.
    Long transactions =
        jdbc.queryForObject(
            "select count(distinct p.created_at) from postings p where p.type = 'HOLD_PLACED' and exists "
                + "(select 1 from entries e where e.posting_id = p.id and e.owner = ?)",
            Long.class,
            bidder.value());
    assertThat(transactions).isBetween(1L, FUNDED_DOGE - 1);

    // Every acknowledged hold answers the same again and posts nothing more.
    long postingsBefore =
        jdbc.queryForObject(
            "select count(*) from entries where owner = ?", Long.class, bidder.value());
    for (Map.Entry<String, HoldService.HoldView> hold : acknowledged.entrySet()) {
      assertThat(
              holds.setHold(caller, "hold-" + hold.getKey(), bidder, hold.getKey(), Doge.ofDoge(1)))
          .isEqualTo(hold.getValue());
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from entries where owner = ?", Long.class, bidder.value()))
        .isEqualTo(postingsBefore);
  }

  // ---- the two paths PerUserCommits promises beyond the happy one, made to happen for real ----

  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;
  @Autowired javax.sql.DataSource dataSource;

  /**
   * One lane whose first piece holds the lane until released, so that the pieces queued meanwhile
   * share the next batch.
   */
  private final class Lane implements AutoCloseable {
    final SpringUnitOfWork unitOfWork =
        new SpringUnitOfWork(
            new org.springframework.transaction.support.TransactionTemplate(transactionManager),
            10);
    final UserId user = new UserId("lane-" + UUID.randomUUID());
    final ExecutorService pool = Executors.newFixedThreadPool(6);
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final Future<?> first;

    Lane() throws InterruptedException {
      first =
          pool.submit(
              () ->
                  unitOfWork.inTransactionOf(
                      user,
                      () -> {
                        holding.countDown();
                        await(release);
                        return null;
                      }));
      holding.await();
    }

    <T> Future<T> queue(java.util.function.Supplier<T> work) {
      return pool.submit(() -> unitOfWork.inTransactionOf(user, work));
    }

    /**
     * Lets the first piece finish once the others had time to queue behind it; they then run as one
     * batch.
     */
    void runQueued() throws Exception {
      Thread.sleep(1_000);
      release.countDown();
      first.get();
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aLockFailureInASharedCommitRunsTheWholeBatchAgainAndEachPieceTakesEffectOnce()
      throws Exception {
    jdbc.execute(
        "create table if not exists it_lane_effects (piece text primary key, tx bigint not null)");
    jdbc.execute("create table if not exists it_lane_locks (id text primary key)");
    String run = UUID.randomUUID().toString();
    String x = "x-" + run;
    String y = "y-" + run;
    jdbc.update("insert into it_lane_locks values (?), (?)", x, y);
    java.util.concurrent.atomic.AtomicInteger attemptsOfA =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger attemptsOfB =
        new java.util.concurrent.atomic.AtomicInteger();
    CountDownLatch bHoldsY = new CountDownLatch(1);

    try (java.sql.Connection other = dataSource.getConnection();
        Lane lane = new Lane()) {
      // Another transaction holds row x; piece B locks y and then waits for x; the other then asks
      // for y: a real deadlock, which PostgreSQL breaks by aborting B's transaction (B waited
      // first,
      // so its deadlock check runs first). The whole batch, A included, must run again.
      other.setAutoCommit(false);
      lockRow(other, x);
      Future<Long> a =
          lane.queue(
              () -> {
                attemptsOfA.incrementAndGet();
                jdbc.update("insert into it_lane_effects values (?, txid_current())", "a-" + run);
                return jdbc.queryForObject("select txid_current()", Long.class);
              });
      Thread.sleep(200);
      Future<Long> b =
          lane.queue(
              () -> {
                int attempt = attemptsOfB.incrementAndGet();
                jdbc.queryForObject(
                    "select id from it_lane_locks where id = ? for update", String.class, y);
                if (attempt == 1) {
                  bHoldsY.countDown();
                }
                jdbc.queryForObject(
                    "select id from it_lane_locks where id = ? for update", String.class, x);
                jdbc.update("insert into it_lane_effects values (?, txid_current())", "b-" + run);
                return jdbc.queryForObject("select txid_current()", Long.class);
              });
      Thread.sleep(200);
      Thread otherSide =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      await(bHoldsY);
                      Thread.sleep(300); // B is waiting for x by now
                      lockRow(other, y); // waits until PostgreSQL aborts B as the deadlock's victim
                      other.commit();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
      lane.runQueued();

      long txOfA = a.get();
      long txOfB = b.get();
      otherSide.join();
      assertThat(txOfA).as("A and B shared one transaction").isEqualTo(txOfB);
      assertThat(attemptsOfB.get())
          .as("B lost the deadlock once, then the batch ran again")
          .isEqualTo(2);
      assertThat(attemptsOfA.get())
          .as("A ran again with it: its first run was undone with the batch")
          .isEqualTo(2);
      assertThat(
              jdbc.queryForList(
                  "select piece from it_lane_effects where piece like ? order by piece",
                  String.class,
                  "%-" + run))
          .as("each piece took effect exactly once")
          .containsExactly("a-" + run, "b-" + run);
    }
  }

  private static void lockRow(java.sql.Connection connection, String id)
      throws java.sql.SQLException {
    try (var statement =
        connection.prepareStatement("select id from it_lane_locks where id = ? for update")) {
      statement.setString(1, id);
      statement.executeQuery().close();
    }
  }

  @Test
  void aFailedSharedCommitFailsEveryPieceOfItAndNoneTakesEffect() throws Exception {
    // A deferred unique constraint is checked at COMMIT: the statements succeed, the commit fails.
    jdbc.execute(
        "create table if not exists it_lane_deferred (id text, constraint it_lane_deferred_once unique (id) deferrable initially deferred)");
    String run = UUID.randomUUID().toString();

    try (Lane lane = new Lane()) {
      List<Future<String>> pieces = new ArrayList<>();
      for (String id : List.of("same-" + run, "same-" + run, "other-" + run)) {
        pieces.add(
            lane.queue(
                () -> {
                  jdbc.update("insert into it_lane_deferred values (?)", id);
                  return id;
                }));
        Thread.sleep(100);
      }
      lane.runQueued();

      for (Future<String> piece : pieces) {
        assertThat(piece)
            .as("no piece of a failed commit is acknowledged")
            .failsWithin(java.time.Duration.ofSeconds(30))
            .withThrowableOfType(java.util.concurrent.ExecutionException.class)
            .satisfies(
                e ->
                    assertThat(e.getCause())
                        .as("the commit's own failure reaches every caller")
                        .isInstanceOfAny(
                            org.springframework.dao.DataIntegrityViolationException.class,
                            org.springframework.transaction.TransactionSystemException.class)
                        .hasStackTraceContaining("it_lane_deferred_once"));
      }
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from it_lane_deferred where id like ?", Long.class, "%-" + run))
          .as("and none of them took effect")
          .isZero();
    }
  }
}
