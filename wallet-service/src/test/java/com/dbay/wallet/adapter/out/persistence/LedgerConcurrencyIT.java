package com.dbay.wallet.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.application.service.EscrowService;
import com.dbay.wallet.application.service.HoldService;
import com.dbay.wallet.application.service.LedgerQueries;
import com.dbay.wallet.application.service.WithdrawalService;
import com.dbay.wallet.domain.AuditReport;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import com.dbay.wallet.domain.WithdrawalId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many threads run a random mix of every money-moving operation against real PostgreSQL, on many
 * users and on one hot user with holds from many auctions; then every invariant of the ledger is
 * checked, and every successful operation is repeated with its key to show it has no second effect.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.datasource.hikari.maximum-pool-size=24")
class LedgerConcurrencyIT {

  private static final int THREADS = 16;
  private static final int OPERATIONS_PER_THREAD = 250;
  private static final int USERS = 12;
  private static final int AUCTIONS = 25;

  @Autowired HoldService holds;
  @Autowired EscrowService escrows;
  @Autowired WithdrawalService withdrawals;
  @Autowired DepositService deposits;
  @Autowired LedgerQueries ledger;
  @Autowired JdbcTemplate jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<UserId> users = new ArrayList<>();
  private final List<Replay> succeeded = Collections.synchronizedList(new ArrayList<>());
  private final List<String> orders = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

  /** A successful operation and how to repeat it with the same key. */
  record Replay(String what, Object firstResult, Supplier<Object> repeat) {}

  @Test
  void aRandomConcurrentMixOfOperationsKeepsEveryInvariantAndRepeatsChangeNothing()
      throws Exception {
    for (int i = 0; i < USERS; i++) {
      UserId user = new UserId(run + "-u" + i);
      users.add(user);
      DevFunding.fund(deposits, user, i == 0 ? 5_000 : 800);
    }
    UserId hot = users.get(0);

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      work.add(
          pool.submit(
              () -> {
                for (int n = 0; n < OPERATIONS_PER_THREAD; n++) {
                  randomOperation(thread, n, hot);
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }

    AuditReport afterRun = ledger.audit();
    System.out.printf(
        "concurrent mix: outcomes %s, ledger %d postings / %d entries / %d accounts%n",
        outcomes, afterRun.postings(), afterRun.entries(), afterRun.accounts());
    assertThat(afterRun.problems()).isEmpty();
    assertThat(afterRun.sumOfAllEntries()).isZero();
    assertThat(outcomes.get("ok").get())
        .as("outcomes %s", outcomes)
        .isGreaterThan(THREADS * OPERATIONS_PER_THREAD / 4);
    assertThat(outcomes).containsKey("insufficient-funds");

    // Repeat every successful operation with its key, concurrently: the same results, no new
    // postings.
    long postingsBefore = count("select count(*) from postings");
    List<Future<?>> repeats = new ArrayList<>();
    for (Replay replay : List.copyOf(succeeded)) {
      repeats.add(
          pool.submit(
              () -> {
                assertThat(replay.repeat().get()).as(replay.what()).isEqualTo(replay.firstResult());
                return null;
              }));
    }
    for (Future<?> f : repeats) {
      f.get();
    }
    pool.shutdown();
    assertThat(count("select count(*) from postings")).isEqualTo(postingsBefore);
    assertThat(ledger.audit().problems()).isEmpty();
    for (UserId user : users) {
      assertThat(ledger.balances(user).available().isNegative()).isFalse();
    }
    assertThat(count("select count(*) from accounts where kind <> 'HOT_WALLET' and balance < 0"))
        .isZero();
  }

  private void randomOperation(int thread, int n, UserId hot) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    UserId user = random.nextInt(3) == 0 ? hot : users.get(random.nextInt(users.size()));
    UserId other = users.get(random.nextInt(users.size()));
    String key = run + "-" + thread + "-" + n;
    String auction = "auction-" + random.nextInt(AUCTIONS);
    int choice = random.nextInt(100);
    // The refusals each operation may meet in this mix; any other is a bug, not an outcome.
    Set<String> allowed = Set.of();
    try {
      if (choice < 45) {
        allowed = Set.of("insufficient-funds", "hold-captured");
        Doge amount = Doge.ofKoinu(random.nextLong(1, Doge.ofDoge(400).koinu()));
        record(
            key,
            holds.setHold("auction", key, user, auction, amount),
            () -> holds.setHold("auction", key, user, auction, amount));
      } else if (choice < 55) {
        allowed = Set.of();
        record(
            key,
            holds.releaseHold("auction", key, user, auction),
            () -> holds.releaseHold("auction", key, user, auction));
      } else if (choice < 65) {
        String order = run + "-o-" + key;
        Doge price = Doge.ofKoinu(random.nextLong(1, Doge.ofDoge(300).koinu()));
        if (user.equals(other)) {
          return;
        }
        String holdReference = random.nextBoolean() ? auction : null;
        // From a hold: none, too small or already captured by another order; from AVAILABLE: not
        // enough.
        allowed =
            holdReference == null
                ? Set.of("insufficient-funds")
                : Set.of("hold-too-small", "hold-captured");
        record(
            key,
            escrows.fund("order", key, order, user, other, price, holdReference),
            () -> escrows.fund("order", key, order, user, other, price, holdReference));
        orders.add(order);
      } else if (choice < 85) {
        if (orders.isEmpty()) {
          return;
        }
        String order = orders.get(random.nextInt(orders.size()));
        int kind = random.nextInt(3);
        allowed = Set.of("escrow-settled");
        int percent = random.nextInt(10_001);
        Supplier<Object> op =
            switch (kind) {
              case 0 -> () -> escrows.release("order", key, order);
              case 1 -> () -> escrows.refund("order", key, order);
              default -> () -> escrows.split("admin", key, order, percent);
            };
        record(key, op.get(), op);
      } else if (choice < 95) {
        Doge amount =
            Doge.ofKoinu(random.nextLong(Doge.ofDoge(1).koinu(), Doge.ofDoge(200).koinu()));
        allowed = Set.of("insufficient-funds", "daily-limit-exceeded");
        WithdrawalService.WithdrawalView view =
            withdrawals.request(user, key, "mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi", amount);
        record(
            key,
            view,
            () -> withdrawals.request(user, key, "mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi", amount));
        if (random.nextBoolean()) {
          withdrawals.reject(new WithdrawalId(UUID.fromString(view.id())), "test");
        }
      } else {
        // A deposit arriving in the middle of everything.
        DevFunding.fund(deposits, user, random.nextInt(1, 100));
        tally("ok");
      }
    } catch (WalletException e) {
      if (!allowed.contains(e.code())) {
        throw new AssertionError(
            "operation "
                + choice
                + " with key "
                + key
                + " was refused as "
                + e.code()
                + " ("
                + e.getMessage()
                + "); only "
                + allowed
                + " may happen here",
            e);
      }
      tally(e.code());
    }
  }

  private void record(String key, Object result, Supplier<Object> repeat) {
    succeeded.add(new Replay(key, result, repeat));
    tally("ok");
  }

  private void tally(String outcome) {
    outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
  }

  private long count(String sql) {
    return Objects.requireNonNull(jdbc.queryForObject(sql, Long.class));
  }
}
