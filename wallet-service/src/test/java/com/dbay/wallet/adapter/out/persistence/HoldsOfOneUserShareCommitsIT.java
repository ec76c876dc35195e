package com.dbay.wallet.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.application.service.HoldService;
import com.dbay.wallet.application.service.LedgerQueries;
import com.dbay.wallet.domain.Balances;
import com.dbay.platform.money.Doge;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.datasource.hikari.maximum-pool-size=24")
class HoldsOfOneUserShareCommitsIT {

  private static final int THREADS = 16;
  private static final int HOLDS = 240;
  private static final long FUNDED_DOGE = 100;

  @Autowired HoldService holds;
  @Autowired DepositService deposits;
  @Autowired LedgerQueries ledger;
  @Autowired JdbcTemplate jdbc;

  @Test
  void concurrentHoldsOfOneUserBeyondTheirBalanceAcceptExactlyWhatFitsAndShareCommits() throws Exception {
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
      work.add(pool.submit(() -> {
        start.await();
        try {
          acknowledged.put(auction, holds.setHold(caller, "hold-" + auction, bidder, auction, Doge.ofDoge(1)));
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
    List<String> openHolds = jdbc.queryForList("select reference from holds where owner = ? and status = 'OPEN' and amount > 0", String.class,
        bidder.value());
    assertThat(openHolds).containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
    assertThat(ledger.audit().problems()).isEmpty();

    // A posting's created_at is its transaction's start (now()): fewer distinct ones than holds means commits were shared.
    Long transactions = jdbc.queryForObject("select count(distinct p.created_at) from postings p where p.type = 'HOLD_PLACED' and exists "
        + "(select 1 from entries e where e.posting_id = p.id and e.owner = ?)", Long.class, bidder.value());
    assertThat(transactions).isBetween(1L, FUNDED_DOGE - 1);

    // Every acknowledged hold answers the same again and posts nothing more.
    long postingsBefore = jdbc.queryForObject("select count(*) from entries where owner = ?", Long.class, bidder.value());
    for (Map.Entry<String, HoldService.HoldView> hold : acknowledged.entrySet()) {
      assertThat(holds.setHold(caller, "hold-" + hold.getKey(), bidder, hold.getKey(), Doge.ofDoge(1))).isEqualTo(hold.getValue());
    }
    assertThat(jdbc.queryForObject("select count(*) from entries where owner = ?", Long.class, bidder.value())).isEqualTo(postingsBefore);
  }

}
