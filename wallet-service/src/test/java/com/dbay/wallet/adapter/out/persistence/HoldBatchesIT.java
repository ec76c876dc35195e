package com.dbay.wallet.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.application.service.HoldService;
import com.dbay.wallet.application.service.HoldService.HoldChange;
import com.dbay.wallet.application.service.HoldService.HoldResult;
import com.dbay.wallet.application.service.LedgerQueries;
import com.dbay.wallet.domain.AuditReport;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Batches of holds (auction-service's one call per batch of bids) against real PostgreSQL: each
 * change on its own, in one transaction; concurrent batches over shared users beside single holds
 * of the same users never let AVAILABLE go negative nor hold twice (the ledger audit), and every
 * change repeated with its key has no second effect.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.datasource.hikari.maximum-pool-size=24")
class HoldBatchesIT {

  @Autowired HoldService holds;
  @Autowired DepositService deposits;
  @Autowired LedgerQueries ledger;
  @Autowired JdbcTemplate jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aRefusedChangeIsUndoneAloneAndTheOthersTakeEffectInOneCommit() {
    UserId ann = user("ann", 100);
    UserId ben = user("ben", 100);
    long postingsBefore = count("select count(*) from postings");

    List<HoldResult> results =
        holds.setHolds(
            "auction-service",
            List.of(
                change(ann, "auction-1", "50"),
                change(ben, "auction-1", "150"),
                change(ann, "auction-2", "30"),
                change(ben, "auction-2", "100")));

    assertThat(results.get(0).refusal()).isNull();
    assertThat(results.get(0).hold().amount()).isEqualTo(Doge.ofDoge(50).koinu());
    assertThat(results.get(1).refusal()).isInstanceOf(WalletException.InsufficientFunds.class);
    assertThat(results.get(1).hold()).isNull();
    assertThat(results.get(2).refusal()).isNull();
    assertThat(results.get(3).refusal()).as("ben's refused change freed nothing it took").isNull();
    assertThat(ledger.balances(ann).available()).isEqualTo(Doge.ofDoge(20));
    assertThat(ledger.balances(ann).held()).isEqualTo(Doge.ofDoge(80));
    assertThat(ledger.balances(ben).available()).isEqualTo(Doge.ZERO);
    assertThat(ledger.balances(ben).held()).isEqualTo(Doge.ofDoge(100));
    assertThat(count("select count(*) from postings") - postingsBefore).isEqualTo(3);
    assertThat(ledger.audit().problems()).isEmpty();
  }

  @Test
  void anAmountOfZeroReleasesAndAMissingHoldIsNothingToRelease() {
    UserId ann = user("ann", 100);
    holds.setHold("auction-service", key(), ann, "auction-3", Doge.ofDoge(60));

    List<HoldResult> results =
        holds.setHolds(
            "auction-service",
            List.of(change(ann, "auction-3", "0"), change(ann, "auction-never", "0")));

    assertThat(results).allSatisfy(r -> assertThat(r.refusal()).isNull());
    assertThat(results.get(0).hold().amount()).isZero();
    assertThat(ledger.balances(ann).available()).isEqualTo(Doge.ofDoge(100));
    assertThat(
            count(
                "select count(*) from holds where owner = '"
                    + ann.value()
                    + "' and reference = 'auction-never'"))
        .isZero();
  }

  @Test
  void aMalformedBatchIsRefusedWholeAndWritesNothing() {
    UserId ann = user("ann", 100);
    long postingsBefore = count("select count(*) from postings");
    HoldChange good = change(ann, "auction-4", "10");

    List<List<HoldChange>> malformed =
        List.of(
            List.of(),
            List.of(good, change(ann, "auction-4", "20")),
            List.of(good, new HoldChange(ann, "auction-5", Doge.ofDoge(1), good.key())),
            List.of(good, new HoldChange(ann, "auction-6", Doge.ofDoge(1), " ")),
            List.of(good, new HoldChange(ann, "", Doge.ofDoge(1), key())),
            IntStream.range(0, HoldService.MAX_BATCH + 1)
                .mapToObj(i -> change(ann, "auction-many-" + i, "1"))
                .toList());
    for (List<HoldChange> batch : malformed) {
      assertThatThrownBy(() -> holds.setHolds("auction-service", batch))
          .isInstanceOf(WalletException.InvalidRequest.class);
    }
    assertThat(count("select count(*) from postings")).isEqualTo(postingsBefore);
    assertThat(ledger.balances(ann).held()).isEqualTo(Doge.ZERO);
  }

  @Test
  void concurrentBatchesOverSharedUsersBesideSingleHoldsKeepTheLedgerRightAndRepeatsChangeNothing()
      throws Exception {
    List<UserId> users = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      users.add(user("u" + i, 1_000));
    }
    record Done(HoldChange change, HoldResult result) {}
    List<Done> done = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 10; t++) {
      boolean single = t >= 8; // two threads set holds one by one through the user lanes
      work.add(
          pool.submit(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int n = 0; n < 40; n++) {
                  String auction = "auction-" + random.nextInt(6);
                  List<UserId> shuffled = new ArrayList<>(users);
                  Collections.shuffle(shuffled);
                  List<HoldChange> batch = new ArrayList<>();
                  for (UserId u : shuffled.subList(0, single ? 1 : random.nextInt(2, 7))) {
                    long doge = random.nextInt(5) == 0 ? 0 : random.nextLong(1, 600);
                    batch.add(change(u, auction, Long.toString(doge)));
                  }
                  List<HoldResult> results;
                  if (single) {
                    HoldChange c = batch.get(0);
                    HoldResult r;
                    try {
                      r =
                          new HoldResult(
                              c.amount().isZero()
                                  ? holds.releaseHold(
                                      "auction-service", c.key(), c.user(), c.reference())
                                  : holds.setHold(
                                      "auction-service",
                                      c.key(),
                                      c.user(),
                                      c.reference(),
                                      c.amount()),
                              null);
                    } catch (WalletException e) {
                      r = new HoldResult(null, e);
                    }
                    results = List.of(r);
                  } else {
                    results = holds.setHolds("auction-service", batch);
                  }
                  for (int i = 0; i < batch.size(); i++) {
                    HoldResult r = results.get(i);
                    String outcome = r.refusal() == null ? "ok" : r.refusal().slug();
                    outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
                    if (r.refusal() == null) {
                      done.add(new Done(batch.get(i), r));
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }

    AuditReport audit = ledger.audit();
    assertThat(audit.problems()).as("outcomes %s", outcomes).isEmpty();
    assertThat(outcomes.keySet()).containsOnly("ok", "insufficient-funds");
    assertThat(outcomes.get("insufficient-funds")).as("the mix must reach the limit").isNotNull();
    for (UserId u : users) {
      assertThat(ledger.balances(u).available().isNegative()).isFalse();
      // Never held twice: what is HELD is exactly the sum of the user's open holds (audit), and
      // never more than the user ever had.
      assertThat(ledger.balances(u).held().koinu()).isLessThanOrEqualTo(Doge.ofDoge(1_000).koinu());
    }

    // Every change that took effect, repeated with its key in new batches: the same hold, no
    // posting.
    long postingsBefore = count("select count(*) from postings");
    // (A batch changes each hold at most once, so the repeats go in as many batches as needed.)
    List<List<Done>> replays = new ArrayList<>();
    for (Done d : done) {
      List<Done> into =
          replays.stream()
              .filter(b -> b.size() < HoldService.MAX_BATCH)
              .filter(
                  b ->
                      b.stream()
                          .noneMatch(
                              o ->
                                  o.change().user().equals(d.change().user())
                                      && o.change().reference().equals(d.change().reference())))
              .findFirst()
              .orElseGet(
                  () -> {
                    List<Done> fresh = new ArrayList<>();
                    replays.add(fresh);
                    return fresh;
                  });
      into.add(d);
    }
    for (List<Done> part : replays) {
      List<HoldResult> again =
          holds.setHolds("auction-service", part.stream().map(Done::change).toList());
      for (int i = 0; i < part.size(); i++) {
        assertThat(again.get(i).refusal()).isNull();
        assertThat(again.get(i).hold()).isEqualTo(part.get(i).result().hold());
      }
    }
    assertThat(count("select count(*) from postings")).isEqualTo(postingsBefore);
    assertThat(ledger.audit().problems()).isEmpty();
  }

  private UserId user(String name, long doge) {
    UserId user = new UserId(run + "-" + name + "-" + UUID.randomUUID().toString().substring(0, 6));
    DevFunding.fund(deposits, user, doge);
    return user;
  }

  private static HoldChange change(UserId user, String reference, String doge) {
    return new HoldChange(user, reference, Doge.parse(doge), key());
  }

  private static String key() {
    return "k-" + UUID.randomUUID();
  }

  private long count(String sql) {
    return Objects.requireNonNull(jdbc.queryForObject(sql, Long.class));
  }
}
