package com.dbay.wallet.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wallet service runs as its own process (the built jar) and is killed with SIGKILL while many
 * clients place holds over HTTP. After a restart the ledger audit must pass, and every request that
 * was acknowledged before the crash must be durable: repeating it with its key returns the same
 * answer and moves no money again. ({@link WalletCrashMixIT} does the same with every kind of
 * operation and two kills.)
 */
class WalletCrashRecoveryIT {

  private WalletProcess wallet;

  @AfterEach
  void stopTheWallet() {
    if (wallet != null) {
      wallet.close();
    }
  }

  @Test
  void acknowledgedHoldsSurviveAKillNineAndTheLedgerStillBalances() throws Exception {
    // Deposits here have made-up txids: keep them out of the hot wallet's coins, and no node to
    // watch.
    wallet =
        new WalletProcess(
            Map.of(
                "DBAY_PG_POOL_SIZE",
                "12",
                "DBAY_WALLET_SIGNING",
                "false",
                "DBAY_WALLET_WATCH_INTERVAL",
                "0s",
                // made-up deposits, no node behind them (ReportedDepositsIT checks the node)
                "DBAY_WALLET_CHAIN_VERIFYREPORTEDDEPOSITS",
                "false"),
            "target/wallet-crash-it.log");
    wallet.start();
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      users.add("crash-" + run + "-" + i);
      fund(users.get(i));
    }

    record Sent(String path, String key, String body) {}
    Map<Sent, String> acknowledged = new ConcurrentHashMap<>();
    List<Sent> inFlight = java.util.Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> refusals = new ConcurrentHashMap<>();
    AtomicBoolean crashed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(12);
    for (int t = 0; t < 12; t++) {
      int thread = t;
      clients.submit(
          () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int n = 0; !crashed.get(); n++) {
              String user = users.get(random.nextInt(users.size()));
              Sent sent =
                  new Sent(
                      "/api/v1/wallet/internal/holds/" + user + "/auction-" + random.nextInt(20),
                      run + "-" + thread + "-" + n,
                      "{\"amount\":\""
                          + (1 + random.nextInt(300))
                          + "."
                          + random.nextInt(100)
                          + "\"}");
              inFlight.add(sent);
              try {
                HttpResponse<String> response = put(sent.path(), sent.key(), sent.body());
                if (response.statusCode() == 200) {
                  acknowledged.put(sent, response.body());
                } else {
                  refusals.merge(
                      response.statusCode()
                          + " "
                          + response.body().replaceAll("\"instance\":\"[^\"]*\",?", ""),
                      1,
                      Integer::sum);
                }
              } catch (IOException e) {
                refusals.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                return null;
              }
            }
            return null;
          });
    }
    Thread.sleep(4_000);
    wallet.kill9();
    crashed.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged)
        .as("requests acknowledged before the crash; others: %s", refusals)
        .hasSizeGreaterThan(50);
    System.out.printf(
        "crash test: %d holds acknowledged before kill -9, others %s%n",
        acknowledged.size(), refusals);

    wallet.start();
    long postingsAfterRestart = wallet.auditedPostings();

    for (Map.Entry<Sent, String> done : acknowledged.entrySet()) {
      HttpResponse<String> repeat =
          put(done.getKey().path(), done.getKey().key(), done.getKey().body());
      assertThat(repeat.statusCode()).isEqualTo(200);
      assertThat(repeat.body()).isEqualTo(done.getValue());
    }
    assertThat(wallet.auditedPostings())
        .as("acknowledged requests repeated after the crash move nothing")
        .isEqualTo(postingsAfterRestart);

    // Requests cut off by the crash may be retried with their keys: they happen at most once.
    for (Sent sent :
        List.copyOf(inFlight).subList(Math.max(0, inFlight.size() - 50), inFlight.size())) {
      int status = put(sent.path(), sent.key(), sent.body()).statusCode();
      assertThat(status).isIn(200, 409);
    }
    wallet.auditedPostings();
  }

  private void fund(String user) throws Exception {
    String depositAddress = wallet.depositAddress(user);
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    String txid = HexFormat.of().formatHex(bytes);
    HttpResponse<String> seen =
        post(
            "/api/v1/wallet/internal/deposits",
            "{\"txid\":\""
                + txid
                + "\",\"vout\":0,\"address\":\""
                + depositAddress
                + "\",\"amount\":\"1000\",\"blockHash\":\"b\",\"blockHeight\":1}");
    assertThat(seen.statusCode()).isEqualTo(200);
    assertThat(
            post(
                    "/api/v1/wallet/internal/deposits/" + txid + "/0/confirmations",
                    "{\"confirmations\":40}")
                .statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<String> put(String path, String key, String body)
      throws IOException, InterruptedException {
    return wallet.internal("PUT", path, "auction", key, body);
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return wallet.internal("POST", path, "deposit-watcher", null, body);
  }
}
