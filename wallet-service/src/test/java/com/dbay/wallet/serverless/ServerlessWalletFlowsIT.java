package com.dbay.wallet.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.rpc.DogecoinRpcClient;
import com.dbay.dogecoin.rpc.RpcTimeoutException;
import com.dbay.lambda.asl.AslParser;
import com.dbay.lambda.asl.InMemoryExecutor;
import com.dbay.lambda.asl.Json;
import com.dbay.lambda.asl.StateMachine;
import com.dbay.lambda.asl.StatesError;
import com.dbay.lambda.blockchainbroadcaster.BlockchainBroadcasterHandler;
import com.dbay.lambda.blockchainbroadcaster.Broadcaster;
import com.dbay.lambda.blockchainbroadcaster.HttpWithdrawalWallet;
import com.dbay.lambda.blockchainbroadcaster.SeedSource;
import com.dbay.lambda.blockchainbroadcaster.WithdrawalSigner;
import com.dbay.lambda.depositwatcher.CursorStore;
import com.dbay.lambda.depositwatcher.DepositConfirmationHandler;
import com.dbay.lambda.depositwatcher.DepositWatcherHandler;
import com.dbay.lambda.depositwatcher.DogecoinChain;
import com.dbay.lambda.depositwatcher.HttpWalletDeposits;
import com.dbay.platform.money.Doge;
import com.dbay.platform.test.TestCallers;
import com.dbay.wallet.DevNodeProcess;
import com.dbay.wallet.DevSigner;
import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.application.service.LedgerQueries;
import com.dbay.wallet.application.service.WithdrawalService;
import com.dbay.wallet.domain.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deposits and withdrawals through the serverless layer, end to end: the dev Dogecoin node (its jar
 * as a process), this wallet over HTTP, the real deposit-watcher / deposit-confirmations /
 * blockchain-broadcaster handlers and the real {@code workflows/*.asl.json}, run by the ASL
 * interpreter the local runtime drives (here on its virtual clock: each Wait "passes" by mining one
 * block, so the counts are exact).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServerlessWalletFlowsIT {

  private static final String MINER = "mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi";
  private static final AtomicBoolean FRESH_CHAIN = new AtomicBoolean(true);
  private static DevNodeProcess node;
  private static DogecoinRpcClient rpc;
  private static Path cursorFile;

  /**
   * Random keys for the parts the wallet trusts: the functions sign as deposit-watcher and
   * blockchain-broadcaster.
   */
  static final TestCallers CALLERS = TestCallers.forPart("wallet-service");

  @LocalServerPort int port;
  @Autowired DepositService deposits;
  @Autowired WithdrawalService withdrawals;
  @Autowired LedgerQueries ledger;
  @Autowired JdbcTemplate jdbc;

  /**
   * Executions the watcher started, by name (a repeated start of the same name is one execution, as
   * in Step Functions).
   */
  private final Map<String, JsonNode> started = new LinkedHashMap<>();

  private DogecoinChain chain;
  private DepositWatcherHandler watcher;
  private DepositConfirmationHandler confirmations;

  /** Runs before each confirmation check: the time a Wait stands for. */
  private Runnable beforeCheck = () -> {};

  @DynamicPropertySource
  static void chain(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("serverless-devchain");
    cursorFile = dir.resolve("deposit-watcher.cursor");
    node = DevNodeProcess.start(dir.resolve("chain"), "devnode-serverless-it.log");
    rpc = node.rpc();
    String url = node.url();
    registry.add("dbay.wallet.chain.rpc-url", () -> url);
    registry.add("dbay.service-calls.trusted-callers-file", CALLERS::trustedCallersFile);
    // the serverless functions drive deposits: the wallet's own timer stays off (its default)
    registry.add("dbay.wallet.chain.watch-interval", () -> "0s");
  }

  @BeforeEach
  void functions() {
    if (FRESH_CHAIN.compareAndSet(true, false)) {
      // coins the hot wallet knew on earlier test chains do not exist on this one
      jdbc.update(
          "update utxos set status = 'SPENT', spent_by = '00000000-0000-0000-0000-000000000000' where status = 'AVAILABLE'");
    }
    String wallet = "http://127.0.0.1:" + port;
    chain =
        new DogecoinChain(
            rpc,
            new HttpWalletDeposits(wallet, CALLERS.signer(HttpWalletDeposits.CALLER)),
            CursorStore.file(cursorFile),
            (name, input) -> started.putIfAbsent(name, Json.parse(input)),
            new DogecoinChain.Settings(1_000_000, 500, 5));
    watcher = new DepositWatcherHandler(chain);
    confirmations = new DepositConfirmationHandler(chain);
  }

  @AfterAll
  static void stopTheNode() {
    node.stop();
  }

  @Test
  void
      a_faucet_deposit_is_seen_pending_and_credited_once_at_six_confirmations_whatever_is_replayed() {
    UserId erin = newUser();
    String txid = rpc.faucet(deposits.depositAddress(erin).address(), Doge.ofDoge(250).koinu());
    mine(1);

    Map<String, Object> followed = watcher.handleRequest(null, null);

    assertThat(followed.get("deposits")).isEqualTo(1);
    assertThat(status(txid)).isEqualTo("PENDING");
    assertThat(ledger.balances(erin).available()).isEqualTo(Doge.ZERO);
    JsonNode input = executionFor(txid);
    assertThat(input.path("requiredConfirmations").asInt(0)).isEqualTo(6);

    List<Long> checkMillis = new ArrayList<>();
    AtomicInteger waits = new AtomicInteger();
    beforeCheck =
        () -> {
          if (waits.getAndIncrement() > 0) {
            mine(1); // each Wait before a re-check stands for one block interval
          }
        };
    AtomicInteger checks = new AtomicInteger();
    InMemoryExecutor.Result run =
        run(
            "DepositConfirmationWorkflow",
            input,
            (payload, handler) -> {
              long t0 = System.nanoTime();
              Object out = handler.get();
              checkMillis.add((System.nanoTime() - t0) / 1_000_000);
              checks.incrementAndGet();
              return out;
            });

    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(run.visited()).endsWith("Credited");
    assertThat(run.output().path("check").path("confirmations").asInt(0)).isEqualTo(6);
    assertThat(checks.get()).as("one check per block from 1 to 6 confirmations").isEqualTo(6);
    assertThat(ledger.balances(erin).available()).isEqualTo(Doge.ofDoge(250));
    System.out.printf(
        "deposit credited by the check that saw 6 confirmations; that check took %d ms (checks: %s ms)%n",
        checkMillis.get(checkMillis.size() - 1), checkMillis);

    // replayed: the whole workflow again, an old depth reported late, the watcher rescanning from
    // genesis
    beforeCheck = () -> {};
    assertThat(run("DepositConfirmationWorkflow", input, null).visited()).endsWith("Credited");
    new HttpWalletDeposits("http://127.0.0.1:" + port, CALLERS.signer(HttpWalletDeposits.CALLER))
        .confirmations(txid, 0, 3);
    started.clear();
    assertThat(watcher.handleRequest(null, null).get("blocks"))
        .as("only the 5 blocks mined since, from the saved cursor")
        .isEqualTo(5);
    assertThat(watcher.handleRequest(null, null).get("blocks")).as("nothing twice").isEqualTo(0);
    cursorFile.toFile().delete();
    watcher.handleRequest(null, null);
    assertThat(started.values())
        .as("a credited deposit starts no workflow again")
        .noneMatch(i -> i.path("txid").asString("").equals(txid));

    assertThat(ledger.balances(erin).available()).isEqualTo(Doge.ofDoge(250));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from postings where reference like ?",
                Long.class,
                "%" + txid + "%"))
        .as("seen once, credited once")
        .isEqualTo(2);
    assertThat(ledger.audit().problems()).isEmpty();
  }

  @ParameterizedTest(name = "a {0}-block reorg")
  @ValueSource(ints = {1, 4, 6})
  void a_reorg_before_the_credit_cancels_the_deposit_and_the_watcher_rolls_back(int depth) {
    UserId frank = newUser();
    String txid = rpc.faucet(deposits.depositAddress(frank).address(), Doge.ofDoge(40).koinu());
    mine(1);
    watcher.handleRequest(null, null);
    assertThat(status(txid)).isEqualTo("PENDING");

    // the reorg comes when the deposit has min(depth, 5) confirmations: its block is among the
    // replaced ones, not yet credited
    int reorgAt = Math.min(depth, 5);
    AtomicInteger checks = new AtomicInteger();
    beforeCheck =
        () -> {
          int n = checks.incrementAndGet();
          if (n == reorgAt + 1) {
            rpc.devReorg(depth, true);
          } else if (n > 1) {
            mine(1);
          }
        };
    InMemoryExecutor.Result run = run("DepositConfirmationWorkflow", executionFor(txid), null);

    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(run.visited()).contains("CancelDeposit").endsWith("Cancelled");
    assertThat(status(txid)).isEqualTo("CANCELLED");
    started.clear();
    Map<String, Object> followed = watcher.handleRequest(null, null);
    assertThat((Integer) followed.get("rolledBack")).isGreaterThanOrEqualTo(1);
    assertThat(started.values()).noneMatch(i -> i.path("txid").asString("").equals(txid));
    assertThat(ledger.balances(frank).available()).isEqualTo(Doge.ZERO);
    assertThat(ledger.audit().problems()).isEmpty();
  }

  @Test
  void
      a_withdrawal_is_signed_once_by_the_broadcaster_rebroadcast_with_the_same_bytes_after_a_timeout_confirmed_and_settled() {
    UserId gina = newUser();
    String depositTx =
        rpc.faucet(deposits.depositAddress(gina).address(), Doge.ofDoge(500).koinu());
    mine(1);
    watcher.handleRequest(null, null);
    beforeCheck = () -> mine(1);
    assertThat(run("DepositConfirmationWorkflow", executionFor(depositTx), null).visited())
        .endsWith("Credited");

    WithdrawalService.WithdrawalView requested =
        withdrawals.request(gina, "w-" + gina.value(), MINER, Doge.ofDoge(120));
    assertThat(requested.status()).isEqualTo("APPROVED");
    JsonNode event = outboxEvent("WithdrawalRequested", requested.id());

    List<String> sentBytes = new ArrayList<>();
    AtomicBoolean timedOut = new AtomicBoolean();
    Broadcaster flakyNetwork =
        new Broadcaster() {
          public String broadcast(String raw) {
            sentBytes.add(raw);
            String txid = rpc.broadcast(raw);
            if (timedOut.compareAndSet(false, true)) {
              throw new RpcTimeoutException(
                  "sendrawtransaction", "no answer in time (the node got it)", null);
            }
            return txid;
          }

          public long confirmations(String txid) {
            mine(1); // the block interval the Wait before this check stands for
            return rpc.confirmations(txid).orElse(0);
          }
        };
    BlockchainBroadcasterHandler broadcaster = broadcaster(flakyNetwork, 60);

    InMemoryExecutor.Result run = runWithBroadcaster(event, broadcaster);

    assertThat(run.status()).as("%s %s", run.error(), run.cause()).isEqualTo("SUCCEEDED");
    assertThat(run.visited())
        .containsSubsequence("Sign", "Broadcast", "WaitForConfirmations", "Settle")
        .endsWith("Completed");
    String stored =
        jdbc.queryForObject(
            "select raw_tx from withdrawals where id = ?::uuid", String.class, requested.id());
    String txid = run.output().path("signed").path("txid").asString("");
    assertThat(sentBytes)
        .as("the timed-out broadcast was retried with the same bytes")
        .hasSize(2)
        .containsOnly(stored);
    assertThat(run.delays()).as("the retry waited its interval").isNotEmpty();
    assertThat(run.output().path("signed").path("signedBy").asString(""))
        .isEqualTo("blockchain-broadcaster");
    assertThat(run.visited()).doesNotContain("FlagStuck");
    assertThat(rpc.confirmations(txid).orElseThrow()).isGreaterThanOrEqualTo(6);
    WithdrawalService.WithdrawalView settled =
        withdrawals.get(
            gina, false, new com.dbay.wallet.domain.WithdrawalId(UUID.fromString(requested.id())));
    assertThat(settled.status()).isEqualTo("COMPLETED");
    assertThat(settled.txid()).isEqualTo(txid);
    assertThat(ledger.balances(gina).available())
        .isEqualTo(Doge.ofDoge(380).minus(new Doge(settled.networkFee())));
    assertThat(outboxEvents(requested.id()))
        .as("every state change published its own event, in order, through the outbox")
        // The broadcaster Lambda sends the bytes itself here; the wallet's broadcast endpoint
        // (WithdrawalBroadcast) is not called.
        .containsExactly(
            "WithdrawalRequested:APPROVED",
            "WithdrawalPlanned:PLANNED",
            "WithdrawalSigned:SIGNED",
            "WithdrawalCompleted:COMPLETED");
    assertThat(outboxEvent("WithdrawalSigned", requested.id()).path("detail").path("txid").asText())
        .isEqualTo(txid);
    assertThat(
            outboxEvent("WithdrawalCompleted", requested.id())
                .path("detail")
                .path("amount")
                .asText())
        .isEqualTo("120.00000000");

    // the same event delivered again: the stored transaction again, nothing signed or settled twice
    sentBytes.clear();
    assertThat(runWithBroadcaster(event, broadcaster).visited()).endsWith("Completed");
    assertThat(sentBytes).containsOnly(stored);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from utxos where spent_by = ?::uuid", Long.class, requested.id()))
        .isEqualTo(1);
    assertThat(ledger.balances(gina).available())
        .isEqualTo(Doge.ofDoge(380).minus(new Doge(settled.networkFee())));
    assertThat(outboxEvents(requested.id()))
        .as("a repeated run changed nothing, so it published nothing")
        .hasSize(4);
    assertThat(ledger.audit().problems()).isEmpty();
  }

  @Test
  void
      a_withdrawal_whose_transaction_the_network_loses_is_flagged_stuck_once_and_still_settles_once_when_it_confirms() {
    UserId ivy = newUser();
    String depositTx = rpc.faucet(deposits.depositAddress(ivy).address(), Doge.ofDoge(300).koinu());
    mine(1);
    watcher.handleRequest(null, null);
    beforeCheck = () -> mine(1);
    assertThat(run("DepositConfirmationWorkflow", executionFor(depositTx), null).visited())
        .endsWith("Credited");
    WithdrawalService.WithdrawalView requested =
        withdrawals.request(ivy, "w-" + ivy.value(), MINER, Doge.ofDoge(100));
    com.dbay.wallet.domain.WithdrawalId id =
        new com.dbay.wallet.domain.WithdrawalId(UUID.fromString(requested.id()));

    // The node accepts the first 5 broadcasts and loses them (evicted, never relayed): blocks are
    // mined, the
    // transaction is in none. From the 6th on it reaches the chain.
    List<String> sentBytes = new ArrayList<>();
    AtomicInteger lost = new AtomicInteger(5);
    List<String> statusWhenItGotThrough = new ArrayList<>();
    Broadcaster losing =
        new Broadcaster() {
          public String broadcast(String raw) {
            sentBytes.add(raw);
            if (lost.getAndDecrement() > 0) {
              return com.dbay.dogecoin.TransactionCodec.decode(raw, DogecoinNetwork.REGTEST).txid();
            }
            if (statusWhenItGotThrough.isEmpty()) {
              statusWhenItGotThrough.add(withdrawals.get(ivy, false, id).status());
              statusWhenItGotThrough.addAll(
                  withdrawals
                      .withStatus(com.dbay.wallet.domain.Withdrawal.Status.STUCK, 500)
                      .stream()
                      .map(WithdrawalService.WithdrawalView::id)
                      .filter(requested.id()::equals)
                      .toList());
              statusWhenItGotThrough.add(
                  ledger.audit().problems().isEmpty()
                      ? "audit ok"
                      : ledger.audit().problems().toString());
            }
            return rpc.broadcast(raw);
          }

          public long confirmations(String txid) {
            mine(1);
            return rpc.confirmations(txid).orElse(0);
          }
        };

    InMemoryExecutor.Result run =
        runWithBroadcaster(
            outboxEvent("WithdrawalRequested", requested.id()), broadcaster(losing, 3));

    assertThat(run.status()).as("%s %s", run.error(), run.cause()).isEqualTo("SUCCEEDED");
    assertThat(run.visited().stream().filter("FlagStuck"::equals))
        .as("flagged once, after 3 polls at 0 confirmations")
        .hasSize(1);
    assertThat(run.visited())
        .containsSubsequence("Sign", "FlagStuck", "Broadcast", "Settle")
        .endsWith("Completed");
    assertThat(statusWhenItGotThrough)
        .as("while stuck: flagged, listed for admins, funds still in flight")
        .containsExactly("STUCK", requested.id(), "audit ok");
    String stored =
        jdbc.queryForObject(
            "select raw_tx from withdrawals where id = ?::uuid", String.class, requested.id());
    assertThat(sentBytes)
        .as("nothing re-signed: the same bytes every time")
        .hasSize(6)
        .containsOnly(stored);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from platform_outbox where detail_type = 'WithdrawalStuck' and detail like ?",
                Long.class,
                "%" + requested.id() + "%"))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select stuck_at is not null from withdrawals where id = ?::uuid",
                Boolean.class,
                requested.id()))
        .isTrue();
    WithdrawalService.WithdrawalView settled = withdrawals.get(ivy, false, id);
    assertThat(settled.status()).isEqualTo("COMPLETED");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from postings where reference = ?",
                Long.class,
                "withdrawal:" + requested.id()))
        .as("reserved once, settled once")
        .isEqualTo(2);
    assertThat(ledger.balances(ivy).available())
        .isEqualTo(Doge.ofDoge(200).minus(new Doge(settled.networkFee())));
    assertThat(ledger.audit().problems()).isEmpty();
  }

  /**
   * The real handler, signing with the dev chain's seed read the way it is read locally
   * (DBAY_WALLET_MNEMONIC).
   */
  private BlockchainBroadcasterHandler broadcaster(Broadcaster network, int stuckAfterPolls) {
    return new BlockchainBroadcasterHandler(
        network,
        new HttpWithdrawalWallet(
            "http://127.0.0.1:" + port, CALLERS.signer(HttpWithdrawalWallet.CALLER)),
        WithdrawalSigner.fromSeed(
            () ->
                SeedSource.load(
                    Map.of(SeedSource.MNEMONIC, DevSigner.PHRASE),
                    id -> {
                      throw new AssertionError("no AWS here");
                    }),
            DogecoinNetwork.REGTEST),
        new BlockchainBroadcasterHandler.Settings(5, stuckAfterPolls, DogecoinNetwork.REGTEST));
  }

  @Test
  void a_withdrawal_waiting_for_an_admin_is_not_signed_until_approved() {
    UserId hank = newUser();
    WithdrawalService.WithdrawalView pending;
    String depositTx =
        rpc.faucet(deposits.depositAddress(hank).address(), Doge.ofDoge(20_000).koinu());
    mine(1);
    watcher.handleRequest(null, null);
    beforeCheck = () -> mine(1);
    assertThat(run("DepositConfirmationWorkflow", executionFor(depositTx), null).visited())
        .endsWith("Credited");
    pending = withdrawals.request(hank, "w-" + hank.value(), MINER, Doge.ofDoge(15_000));
    assertThat(pending.status()).isEqualTo("PENDING_APPROVAL");

    BlockchainBroadcasterHandler broadcaster = broadcaster(Broadcaster.rpc(rpc), 60);
    assertThat(
            runWithBroadcaster(outboxEvent("WithdrawalRequested", pending.id()), broadcaster)
                .visited())
        .containsExactly("Ready?", "AwaitingApproval");
    assertThat(
            jdbc.queryForObject(
                "select raw_tx from withdrawals where id = ?::uuid", String.class, pending.id()))
        .isNull();

    withdrawals.approve(new com.dbay.wallet.domain.WithdrawalId(UUID.fromString(pending.id())));
    JsonNode approved = outboxEvent("WithdrawalRequested", pending.id());
    assertThat(approved.path("detail").path("status").asString("")).isEqualTo("APPROVED");
    beforeCheck = () -> {};
    Broadcaster mining =
        new Broadcaster() {
          public String broadcast(String raw) {
            return rpc.broadcast(raw);
          }

          public long confirmations(String txid) {
            mine(1);
            return rpc.confirmations(txid).orElse(0);
          }
        };
    assertThat(runWithBroadcaster(approved, broadcaster(mining, 60)).visited())
        .endsWith("Completed");
    assertThat(ledger.audit().problems()).isEmpty();
  }

  // ---- the workflow runner: real definitions, real handlers

  @FunctionalInterface
  interface Around {
    Object call(JsonNode payload, java.util.function.Supplier<Object> handler);
  }

  private InMemoryExecutor.Result run(String workflow, JsonNode input, Around around) {
    return new InMemoryExecutor(
            (resource, payload, context) -> {
              Map<String, Object> map = map(payload);
              java.util.function.Supplier<Object> call =
                  () -> {
                    if ("check".equals(map.get("action"))) {
                      beforeCheck.run();
                    }
                    return confirmations.handleRequest(map, null);
                  };
              return invoke(around == null ? call : () -> around.call(payload, call));
            },
            Instant.now())
        .maxSteps(10_000)
        .run(machine(workflow), input);
  }

  private InMemoryExecutor.Result runWithBroadcaster(
      JsonNode event, BlockchainBroadcasterHandler broadcaster) {
    return new InMemoryExecutor(
            (resource, payload, context) ->
                invoke(() -> broadcaster.handleRequest(map(payload), null)),
            Instant.now())
        .maxSteps(10_000)
        .run(machine("WithdrawalWorkflow"), event);
  }

  /** As the local runtime and Lambda report a function's exception: its class name is the error. */
  private static JsonNode invoke(java.util.function.Supplier<Object> call) {
    try {
      return Json.toNode(call.get());
    } catch (RuntimeException e) {
      throw new StatesError(e.getClass().getName(), String.valueOf(e.getMessage()));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(JsonNode payload) {
    return Json.MAPPER.convertValue(payload, Map.class);
  }

  private static StateMachine machine(String name) {
    try {
      String text =
          Files.readString(Path.of("../workflows", name + ".asl.json"))
              .replace(
                  "${DepositConfirmationsFunctionArn}",
                  "arn:aws:lambda:local:000000000000:function:deposit-confirmations")
              .replace(
                  "${BlockchainBroadcasterFunctionArn}",
                  "arn:aws:lambda:local:000000000000:function:blockchain-broadcaster");
      return AslParser.parse(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode executionFor(String txid) {
    return started.values().stream()
        .filter(i -> i.path("txid").asString("").equals(txid))
        .reduce(
            (a, b) -> {
              throw new AssertionError("two executions for " + txid);
            })
        .orElseThrow(() -> new AssertionError("no workflow started for " + txid + ": " + started));
  }

  /** The envelope as the outbox relay puts it on the bus (the latest for the withdrawal). */
  /** Each outbox event about the withdrawal, in commit order, as "detail-type:status". */
  private List<String> outboxEvents(String withdrawalId) {
    return jdbc.query(
        "select detail_type, detail from platform_outbox where detail like ? order by seq",
        (rs, n) -> rs.getString(1) + ":" + Json.parse(rs.getString(2)).path("status").asText(),
        "%" + withdrawalId + "%");
  }

  private JsonNode outboxEvent(String detailType, String withdrawalId) {
    Map<String, Object> row =
        jdbc.queryForMap(
            "select event_id, source, detail_type, occurred_at, detail from platform_outbox "
                + "where detail_type = ? and detail like ? order by seq desc limit 1",
            detailType,
            "%" + withdrawalId + "%");
    ObjectNode envelope = Json.NODES.objectNode();
    envelope.put("id", (String) row.get("event_id"));
    envelope.put("source", (String) row.get("source"));
    envelope.put("detail-type", (String) row.get("detail_type"));
    envelope.put("time", String.valueOf(row.get("occurred_at")));
    envelope.set("detail", Json.parse((String) row.get("detail")));
    return envelope;
  }

  private String status(String txid) {
    return jdbc.queryForObject(
        "select status from deposits where txid = ? and vout = 0", String.class, txid);
  }

  private static UserId newUser() {
    return new UserId("sls-" + UUID.randomUUID());
  }

  private static void mine(int blocks) {
    rpc.generateToAddress(blocks, MINER);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
