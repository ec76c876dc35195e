package com.dbay.bench.wallet;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.WalletApplication;
import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.application.service.HoldService;
import com.dbay.wallet.application.service.LedgerQueries;
import com.dbay.wallet.domain.AuditReport;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Holds per second through the wallet's use case (idempotency claim, hold row lock, conditional
 * balance updates, posting + entries, durable commit) on real PostgreSQL. Two phases: holds spread
 * over many users, then every thread on one hot user holding for many auctions. After the run the
 * whole ledger is audited; a failed audit fails the benchmark.
 *
 * <p>Arguments (all optional): {@code --threads=16 --hot-threads=8 --seconds=20 --users=2000
 * --auctions=200}.
 */
public final class HoldBenchmark {

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    int threads = Integer.parseInt(options.getOrDefault("threads", "16"));
    // One user's holds all queue on the same two balance rows: more clients than a few only
    // lengthen the queue.
    int hotThreads = Integer.parseInt(options.getOrDefault("hot-threads", "8"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    int userCount = Integer.parseInt(options.getOrDefault("users", "2000"));
    int auctions = Integer.parseInt(options.getOrDefault("auctions", "200"));

    SpringApplication application = new SpringApplication(WalletApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    // The made-up deposits that fund the users must never become coins the hot wallet would spend.
    application.setDefaultProperties(
        Map.of(
            "spring.datasource.hikari.maximum-pool-size",
            Integer.toString(threads),
            "logging.level.root",
            "WARN",
            "dbay.wallet.chain.hot-wallet",
            "false"));
    try (ConfigurableApplicationContext context = application.run(args)) {
      HoldService holds = context.getBean(HoldService.class);
      DepositService deposits = context.getBean(DepositService.class);
      LedgerQueries ledger = context.getBean(LedgerQueries.class);

      String run = UUID.randomUUID().toString().substring(0, 8);
      System.out.printf(
          "wallet hold benchmark: run %s, %d threads (%d on the hot user), %d s per phase, %d users, %d auctions, %d cores%n",
          run,
          threads,
          Math.min(hotThreads, threads),
          seconds,
          userCount,
          auctions,
          Runtime.getRuntime().availableProcessors());
      List<UserId> users = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> funding = new ArrayList<>();
      for (int i = 0; i < userCount; i++) {
        UserId user = new UserId("bench-" + run + "-" + i);
        users.add(user);
        funding.add(pool.submit(() -> fund(deposits, user, 1_000_000)));
      }
      for (Future<?> f : funding) {
        f.get();
      }
      UserId hot = users.get(0);

      warmUp(holds, users, pool, run);
      Result spread =
          phase(
              "across users",
              holds,
              pool,
              threads,
              seconds,
              run + "-s",
              t -> users.get(ThreadLocalRandom.current().nextInt(users.size())),
              auctions);
      Result single =
          phase(
              "one hot user",
              holds,
              pool,
              Math.min(hotThreads, threads),
              seconds,
              run + "-h",
              t -> hot,
              auctions);
      pool.shutdown();

      AuditReport audit = ledger.audit();
      System.out.printf(
          "audit after the run: %s (%d postings, %d entries, %d accounts, sum of all entries %d)%n",
          audit.ok() ? "OK" : "FAILED",
          audit.postings(),
          audit.entries(),
          audit.accounts(),
          audit.sumOfAllEntries());
      audit.problems().stream().limit(20).forEach(p -> System.out.println("  problem: " + p));
      System.out.printf(
          "RESULT across-users %.0f holds/s (goal 2000) | one-hot-user %.0f holds/s (goal 500) | audit %s%n",
          spread.perSecond(), single.perSecond(), audit.ok() ? "OK" : "FAILED");
      if (!audit.ok()) {
        System.exit(1);
      }
    }
  }

  record Result(double perSecond) {}

  private static void warmUp(
      HoldService holds, List<UserId> users, ExecutorService pool, String run) throws Exception {
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      int n = i;
      work.add(
          pool.submit(
              () ->
                  holds.setHold(
                      "bench",
                      run + "-warm-" + n,
                      users.get(n % users.size()),
                      "warm",
                      Doge.ofDoge(1 + n % 7))));
    }
    for (Future<?> f : work) {
      f.get();
    }
  }

  private static Result phase(
      String name,
      HoldService holds,
      ExecutorService pool,
      int threads,
      int seconds,
      String keyPrefix,
      IntFunction<UserId> who,
      int auctions)
      throws Exception {
    Recorder latencies = new Recorder(3);
    AtomicLong done = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<?>> work = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      work.add(
          pool.submit(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long n = 0;
                while (System.nanoTime() < end) {
                  UserId user = who.apply(thread);
                  String auction = "auction-" + random.nextInt(auctions);
                  // Up to 2,000 DOGE per hold: a hot user with 1,000,000 DOGE can hold in every
                  // auction at once.
                  Doge amount = Doge.ofKoinu(random.nextLong(1, Doge.ofDoge(2_000).koinu()));
                  long t0 = System.nanoTime();
                  try {
                    holds.setHold(
                        "bench", keyPrefix + "-" + thread + "-" + (n++), user, auction, amount);
                    done.incrementAndGet();
                  } catch (WalletException e) {
                    refused.incrementAndGet();
                  }
                  latencies.recordValue((System.nanoTime() - t0) / 1_000);
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    Histogram histogram = latencies.getIntervalHistogram();
    double perSecond = done.get() / elapsed;
    System.out.printf(
        "%-13s %8d holds in %.1f s = %7.0f holds/s, %d refused; latency ms p50 %.2f p99 %.2f max %.2f%n",
        name,
        done.get(),
        elapsed,
        perSecond,
        refused.get(),
        histogram.getValueAtPercentile(50) / 1000.0,
        histogram.getValueAtPercentile(99) / 1000.0,
        histogram.getMaxValue() / 1000.0);
    return new Result(perSecond);
  }

  private static void fund(DepositService deposits, UserId user, long doge) {
    String address = deposits.depositAddress(user).address();
    byte[] txid = new byte[32];
    ThreadLocalRandom.current().nextBytes(txid);
    DepositId id = new DepositId(HexFormat.of().formatHex(txid), 0);
    deposits.recordDetected(id, address, Doge.ofDoge(doge), "bench", 1);
    deposits.observe(id, 40);
  }

  private static Map<String, String> parse(String[] args) {
    return java.util.Arrays.stream(args)
        .filter(a -> a.startsWith("--") && a.contains("=") && !a.startsWith("--spring"))
        .map(a -> a.substring(2).split("=", 2))
        .collect(Collectors.toMap(a -> a[0], a -> a[1]));
  }
}
