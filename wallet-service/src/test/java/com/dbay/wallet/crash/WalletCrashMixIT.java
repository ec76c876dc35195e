package com.dbay.wallet.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.dogecoin.DecodedTransaction;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.TransactionCodec;
import com.dbay.platform.money.Doge;
import com.dbay.platform.test.TestStores;
import com.dbay.wallet.DevSigner;
import com.dbay.wallet.adapter.out.persistence.JdbcLedger;
import com.dbay.wallet.domain.AuditReport;
import com.dbay.wallet.domain.FeePolicy;
import com.dbay.wallet.domain.WithdrawalPlan;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #5's crash test with a realistic mix. Concurrent clients drive the wallet process over its
 * real HTTP APIs, as the deposit-watcher and DepositConfirmationWorkflow, the auction and order
 * services, users, an admin and the WithdrawalWorkflow would: deposit notifications with replays,
 * reorderings, concurrent duplicates and reorg cancellations; holds placed, raised, lowered and
 * released; escrow from holds and from AVAILABLE, released, refunded, split, sometimes contested;
 * withdrawals requested, signed (once), rejected, settled. The wallet is killed with SIGKILL twice
 * at random moments and restarted; clients retry what was cut off with the same idempotency keys
 * until they get an answer, so every operation's outcome is known in the end.
 *
 * <p>Each client owns its hold references, orders, deposits and withdrawals (as one auction or
 * order owns its own), while all clients share the users and so their balance rows. That makes the
 * final state predictable from the answers alone: each user's AVAILABLE, HELD and ESCROW, every
 * hold, escrow, deposit and withdrawal are checked against what the answers said, then every
 * acknowledged operation is repeated (no new posting), and the ledger is audited in PostgreSQL.
 */
class WalletCrashMixIT {

  private static final int USERS = 8;
  private static final int CLIENTS = 10;
  private static final int HOLD_REFERENCES_PER_CLIENT = 4;
  private static final long DOGE = 100_000_000L;

  /** A valid regtest P2PKH address outside the wallet. */
  private static final String OUTSIDE_ADDRESS = "mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi";

  private static final DogecoinNetwork NETWORK = DogecoinNetwork.of("regtest");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The wallet's default fee (DBAY_WALLET_FEE_BPS unset): 2.5% of what the seller receives, rounded
   * up.
   */
  private static final FeePolicy PLATFORM_FEE = new FeePolicy(250);

  private static final Duration GIVE_UP = Duration.ofSeconds(150);

  /**
   * The outcomes the mix must have produced before it stops: every kind of money movement,
   * acknowledged.
   */
  private static final List<String> EVERY_KIND =
      List.of(
          "hold.set 200",
          "hold.release 200",
          "escrow.fund-from-hold 201",
          "escrow.fund 201",
          "escrow.release 200",
          "escrow.refund 200",
          "escrow.split 200",
          "deposit.credit 200",
          "deposit.cancel 200",
          "withdrawal.request 201",
          "withdrawal.sign 200",
          "withdrawal.settle 200",
          "withdrawal.reject 200");

  private final String run = "mix-" + java.util.UUID.randomUUID().toString().substring(0, 8);
  private final List<String> users = new ArrayList<>();
  private final Map<String, String> depositAddresses = new HashMap<>();
  private final List<Client> clients = new ArrayList<>();
  private final List<DepositModel> funding = new ArrayList<>();
  private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
  private final List<String> surprises = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger steps = new AtomicInteger();
  private final AtomicInteger acknowledgedSoFar = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger cutOff = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final List<Integer> inFlightAtKills = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final ExecutorService contenders = Executors.newCachedThreadPool();
  private final SoftAssertions softly = new SoftAssertions();

  private ChainStandIn chain;
  private WalletProcess wallet;
  private JdbcTemplate jdbc;

  @AfterEach
  void stopEverything() {
    contenders.shutdownNow();
    if (wallet != null) {
      wallet.close();
    }
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void aMixOfEveryMoneyMovementSurvivesTwoKillNinesExactlyAsAcknowledged() throws Exception {
    chain = new ChainStandIn(NETWORK);
    wallet =
        new WalletProcess(
            Map.of(
                "DBAY_PG_POOL_SIZE",
                "12",
                "DBAY_WALLET_SIGNING",
                "true",
                "DBAY_WALLET_WATCH_INTERVAL",
                "0s",
                "DBAY_DOGE_NETWORK",
                "regtest",
                "DBAY_DOGE_RPC_URL",
                chain.url(),
                // the funding deposits have made-up txids the stand-in node does not know
                "DBAY_WALLET_CHAIN_VERIFYREPORTEDDEPOSITS",
                "false"),
            "target/wallet-crash-mix-it.log");
    jdbc =
        new JdbcTemplate(
            new DriverManagerDataSource(
                TestStores.jdbcUrl("wallet"), TestStores.pgUser(), TestStores.pgPassword()));
    wallet.start();
    for (int i = 0; i < USERS; i++) {
      String user = run + "-u" + i;
      users.add(user);
      depositAddresses.put(user, wallet.depositAddress(user));
      funding.add(fundingDeposit(user));
    }

    long mixStarted = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      Client client = new Client(c);
      clients.add(client);
      running.add(
          pool.submit(
              () -> {
                client.run();
                return null;
              }));
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<String> kills = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      Thread.sleep(random.nextLong(3_000, 8_000));
      inFlightAtKills.add(inFlight.get());
      long pid = wallet.pid();
      wallet.kill9();
      kills.add(
          String.format(
              "kill -9 of pid %d at %.1f s with %d requests in flight, %d operations acknowledged before it",
              pid, seconds(mixStarted), inFlightAtKills.getLast(), acknowledgedSoFar.get()));
      wallet.start();
    }
    Thread.sleep(5_000);
    // On a slow machine the rarer outcomes (a split, a rejection) may need a few more seconds.
    for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        !counts().keySet().containsAll(EVERY_KIND) && System.nanoTime() < deadline; ) {
      Thread.sleep(200);
    }
    stop.set(true);
    pool.shutdown();
    for (Future<?> client : running) {
      client.get(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
    }
    double mixSeconds = seconds(mixStarted);

    List<Replay> replays = new ArrayList<>();
    clients.forEach(c -> replays.addAll(c.replays));
    clients.forEach(c -> c.deposits.forEach(d -> replays.addAll(d.replays())));
    funding.forEach(d -> replays.addAll(d.replays()));
    System.out.printf(
        "crash mix: %s; %.1f s of mix, starts %s; %d client steps, %d calls answered (%d sends cut off by the kills and retried), "
            + "%d operations acknowledged, %d repeats to check; outcomes %s%n",
        kills,
        mixSeconds,
        wallet.startTimes(),
        steps.get(),
        calls.get(),
        cutOff.get(),
        acknowledgedSoFar.get(),
        replays.size(),
        new TreeMap<>(counts()));
    assertThat(surprises)
        .as("answers the model of the acknowledged operations does not allow")
        .isEmpty();
    assertThat(inFlightAtKills).as("requests in flight at each kill").allMatch(n -> n > 0);
    assertThat(cutOff.get()).as("the kills cut off requests in flight").isPositive();
    assertThat(replays).as("acknowledged operations").hasSizeGreaterThan(100);
    assertThat(counts())
        .as("every kind of operation was acknowledged at least once")
        .containsKeys(EVERY_KIND.toArray(String[]::new));

    // Every acknowledged operation once more: the same answer and not one new posting.
    long postingsBefore = postings();
    ExecutorService replay = Executors.newFixedThreadPool(8);
    List<Future<String>> repeated = new ArrayList<>();
    for (Replay r : replays) {
      repeated.add(
          replay.submit(
              () -> {
                HttpResponse<String> answer = untilAnswered(r.what(), r.call());
                return r.expected().test(answer)
                    ? null
                    : r.what() + " repeated answered " + answer.statusCode() + " " + answer.body();
              }));
    }
    List<String> differentOnRepeat = new ArrayList<>();
    for (Future<String> f : repeated) {
      String difference = f.get();
      if (difference != null) {
        differentOnRepeat.add(difference);
      }
    }
    replay.shutdown();
    assertThat(differentOnRepeat).as("acknowledged operations repeated with their keys").isEmpty();
    assertThat(postings())
        .as("repeating %d acknowledged operations posts nothing", replays.size())
        .isEqualTo(postingsBefore);
    assertThat(surprises).isEmpty();

    // Every final check, so that a failure shows all that is wrong at once.
    auditTheLedger();
    checkDeposits();
    checkWithdrawals();
    checkHoldsAndEscrows();
    checkBalances();
    softly.assertAll();
  }

  // ---- the final checks, in SQL against the wallet's database ----

  private void auditTheLedger() throws Exception {
    AuditReport report = new JdbcLedger(jdbc).audit();
    softly.assertThat(report.problems()).as("JdbcLedger.audit()").isEmpty();
    softly.assertThat(report.sumOfAllEntries()).isZero();
    softly
        .assertThat(wallet.auditedPostings())
        .as("the service's own audit endpoint agrees")
        .isEqualTo(report.postings());
    softly
        .assertThat(
            count("select count(*) from accounts where kind <> 'HOT_WALLET' and balance < 0"))
        .as("negative balances")
        .isZero();
    for (String type :
        List.of(
            "DEPOSIT_CREDITED",
            "ESCROW_FUNDED",
            "WITHDRAWAL_RESERVED",
            "WITHDRAWAL_SETTLED",
            "WITHDRAWAL_CANCELLED")) {
      softly
          .assertThat(
              jdbc.queryForList(
                  "select reference from postings where type = ? group by reference having count(*) > 1",
                  String.class,
                  type))
          .as("references with more than one %s posting", type)
          .isEmpty();
    }
    softly
        .assertThat(
            jdbc.queryForList(
                "select reference from postings where type in ('ESCROW_RELEASED', 'ESCROW_REFUNDED', 'ESCROW_SPLIT') "
                    + "group by reference having count(*) > 1",
                String.class))
        .as("escrows settled twice")
        .isEmpty();
  }

  private void checkDeposits() {
    List<DepositModel> all = new ArrayList<>(funding);
    clients.forEach(c -> all.addAll(c.deposits));
    int credited = 0;
    for (DepositModel d : all) {
      String reference = "deposit:" + d.txid + ":" + d.vout;
      Map<String, Object> row =
          jdbc.queryForMap(
              "select owner, amount, status from deposits where txid = ? and vout = ?",
              d.txid,
              d.vout);
      softly
          .assertThat(row)
          .as(reference)
          .containsEntry("owner", d.user)
          .containsEntry("amount", d.amount)
          .containsEntry("status", d.status);
      long credits = postings(reference, "DEPOSIT_CREDITED");
      softly
          .assertThat(credits)
          .as("%s (%s) credited exactly once if acknowledged, else never", reference, d.status)
          .isEqualTo(d.status.equals("CREDITED") ? 1 : 0);
      softly
          .assertThat(
              postings(reference, "DEPOSIT_DETECTED") - postings(reference, "DEPOSIT_REORGED"))
          .as("%s in custody", reference)
          .isEqualTo(d.status.equals("CANCELLED") ? 0 : 1);
      credited += d.status.equals("CREDITED") ? 1 : 0;
    }
    System.out.printf(
        "crash mix: %d deposits, %d credited exactly once, the rest pending or cancelled as the answers said%n",
        all.size(), credited);
  }

  private void checkWithdrawals() {
    Map<String, WithdrawalModel> acknowledged = new HashMap<>();
    clients.forEach(c -> c.withdrawals.forEach(w -> acknowledged.put(w.id, w)));
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select id::text id, owner, status, txid, raw_tx, network_fee, amount, address "
                + "from withdrawals where owner like ?",
            run + "-%");
    softly
        .assertThat(rows.stream().map(r -> (String) r.get("id")).toList())
        .as("one withdrawal per acknowledged request, none for a repeated key")
        .containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
    for (Map<String, Object> row : rows) {
      WithdrawalModel w = acknowledged.get((String) row.get("id"));
      String reference = "withdrawal:" + w.id;
      softly.assertThat(row.get("status")).as(reference).isEqualTo(w.status);
      softly
          .assertThat(row.get("txid"))
          .as("%s keeps the one transaction it was signed with", reference)
          .isEqualTo(w.txid);
      softly.assertThat(row.get("raw_tx")).as(reference).isEqualTo(w.rawTransaction);
      softly.assertThat(postings(reference, "WITHDRAWAL_RESERVED")).as(reference).isEqualTo(1);
      softly
          .assertThat(postings(reference, "WITHDRAWAL_SETTLED"))
          .as(reference)
          .isEqualTo(w.status.equals("COMPLETED") ? 1 : 0);
      softly
          .assertThat(postings(reference, "WITHDRAWAL_CANCELLED"))
          .as(reference)
          .isEqualTo(w.status.equals("REJECTED") ? 1 : 0);
      if (w.rawTransaction != null) {
        DecodedTransaction tx = TransactionCodec.decode(w.rawTransaction, NETWORK);
        softly.assertThat(tx.txid()).isEqualTo(w.txid);
        softly
            .assertThat(tx.outputs())
            .as("%s pays its amount to its address", reference)
            .anyMatch(
                o ->
                    o.address() != null
                        && o.address().toBase58().equals(row.get("address"))
                        && o.value() == (Long) row.get("amount"));
        Set<String> inputs = new HashSet<>();
        tx.inputs().forEach(i -> inputs.add(i.prevTxid() + ":" + i.prevVout()));
        List<Map<String, Object>> coins =
            jdbc.queryForList(
                "select txid || ':' || vout coin, amount from utxos where spent_by = ?::uuid",
                w.id);
        softly
            .assertThat(coins.stream().map(c -> (String) c.get("coin")).toList())
            .as("%s spent exactly its transaction's inputs", reference)
            .containsExactlyInAnyOrderElementsOf(inputs);
        long in = coins.stream().mapToLong(c -> (Long) c.get("amount")).sum();
        if (row.get("network_fee") != null) {
          softly
              .assertThat(in - tx.outputTotal())
              .as("%s's network fee", reference)
              .isEqualTo((Long) row.get("network_fee"));
        }
      }
    }
    // No hot-wallet coin in two withdrawals' transactions, over every withdrawal ever signed here.
    Map<String, String> spender = new HashMap<>();
    List<String> doubleSpent = new ArrayList<>();
    jdbc.query(
        "select id::text, raw_tx from withdrawals where raw_tx is not null",
        rs -> {
          for (DecodedTransaction.Input input :
              TransactionCodec.decode(rs.getString(2), NETWORK).inputs()) {
            String previous =
                spender.put(input.prevTxid() + ":" + input.prevVout(), rs.getString(1));
            if (previous != null) {
              doubleSpent.add(
                  input.prevTxid()
                      + ":"
                      + input.prevVout()
                      + " by "
                      + previous
                      + " and "
                      + rs.getString(1));
            }
          }
        });
    softly.assertThat(doubleSpent).as("coins spent by two withdrawals").isEmpty();
    softly
        .assertThat(
            jdbc.queryForList(
                "select txid from withdrawals where txid is not null group by txid having count(*) > 1",
                String.class))
        .isEmpty();
    softly
        .assertThat(count("select count(*) from operations where idem_key like '" + run + "-%'"))
        .as("stored results = acknowledged keyed operations")
        .isEqualTo(clients.stream().mapToLong(c -> c.keyedAcknowledged).sum());
  }

  private void checkHoldsAndEscrows() {
    for (Client client : clients) {
      for (HoldModel h : client.holds.values()) {
        List<Map<String, Object>> row =
            jdbc.queryForList(
                "select amount, status from holds where owner = ? and reference = ?",
                h.user,
                h.reference);
        long amount = row.isEmpty() ? 0 : (Long) row.getFirst().get("amount");
        String status = row.isEmpty() ? "OPEN" : (String) row.getFirst().get("status");
        softly.assertThat(amount).as("hold %s/%s", h.user, h.reference).isEqualTo(h.amount);
        softly
            .assertThat(status)
            .as("hold %s/%s", h.user, h.reference)
            .isEqualTo(h.captured ? "CAPTURED" : "OPEN");
      }
      for (EscrowModel e : client.escrows) {
        Map<String, Object> row =
            jdbc.queryForMap(
                "select buyer, seller, amount, status, buyer_refund, seller_payout, fee from escrows where order_id = ?",
                e.orderId);
        softly
            .assertThat(row)
            .as("escrow %s", e.orderId)
            .containsEntry("buyer", e.buyer)
            .containsEntry("seller", e.seller)
            .containsEntry("amount", e.amount)
            .containsEntry("status", e.status)
            .containsEntry("buyer_refund", e.buyerRefund)
            .containsEntry("seller_payout", e.sellerPayout)
            .containsEntry("fee", e.fee);
        String reference = "order:" + e.orderId;
        softly.assertThat(postings(reference, "ESCROW_FUNDED")).as(reference).isEqualTo(1);
        long settlements =
            postings(reference, "ESCROW_RELEASED")
                + postings(reference, "ESCROW_REFUNDED")
                + postings(reference, "ESCROW_SPLIT");
        softly
            .assertThat(settlements)
            .as("%s settled once if acknowledged, else never", reference)
            .isEqualTo(e.status.equals("FUNDED") ? 0 : 1);
        if (!e.status.equals("FUNDED")) {
          softly.assertThat(postings(reference, "ESCROW_" + e.status)).as(reference).isEqualTo(1);
        }
      }
    }
  }

  /** Each user's balances are exactly what the acknowledged operations add up to. */
  private void checkBalances() {
    Map<String, long[]> expected = new LinkedHashMap<>();
    users.forEach(u -> expected.put(u, new long[3]));
    List<DepositModel> deposits = new ArrayList<>(funding);
    clients.forEach(c -> deposits.addAll(c.deposits));
    deposits.stream()
        .filter(d -> d.status.equals("CREDITED"))
        .forEach(d -> expected.get(d.user)[0] += d.amount);
    for (Client client : clients) {
      for (HoldModel h : client.holds.values()) {
        expected.get(h.user)[0] -= h.amount;
        expected.get(h.user)[1] += h.amount;
      }
      for (EscrowModel e : client.escrows) {
        expected.get(e.buyer)[0] -= e.amount;
        if (e.status.equals("FUNDED")) {
          expected.get(e.buyer)[2] += e.amount;
        } else {
          expected.get(e.buyer)[0] += e.buyerRefund;
          expected.get(e.seller)[0] += e.sellerPayout;
        }
      }
      for (WithdrawalModel w : client.withdrawals) {
        switch (w.status) {
          case "REJECTED" -> {}
          case "COMPLETED" -> expected.get(w.user)[0] -= w.amount + w.networkFee;
          default -> expected.get(w.user)[0] -= w.amount + w.feeReserve;
        }
      }
    }
    Map<String, long[]> actual = new LinkedHashMap<>();
    users.forEach(u -> actual.put(u, new long[3]));
    jdbc.query(
        "select owner, kind, balance from accounts where owner like ?",
        rs -> {
          int slot =
              switch (rs.getString(2)) {
                case "AVAILABLE" -> 0;
                case "HELD" -> 1;
                case "ESCROW" -> 2;
                default ->
                    throw new IllegalStateException("a user account of kind " + rs.getString(2));
              };
          actual.get(rs.getString(1))[slot] = rs.getLong(3);
        },
        run + "-%");
    for (String user : users) {
      softly
          .assertThat(actual.get(user))
          .as("%s AVAILABLE, HELD, ESCROW", user)
          .containsExactly(expected.get(user));
      softly.assertThat(actual.get(user)[0]).as("%s AVAILABLE", user).isNotNegative();
    }
  }

  private long postings() {
    return count("select count(*) from postings");
  }

  private long postings(String reference, String type) {
    return Objects.requireNonNull(
        jdbc.queryForObject(
            "select count(*) from postings where reference = ? and type = ?",
            Long.class,
            reference,
            type));
  }

  private long count(String sql) {
    return Objects.requireNonNull(jdbc.queryForObject(sql, Long.class));
  }

  // ---- how a withdrawal gets signed: the one place that knows ----

  /**
   * The withdrawal's one signed transaction, as the WithdrawalWorkflow's sign step obtains it.
   * Today the wallet signs on its internal {@code sign} call (a repeat returns the stored
   * transaction). Answers 200 with the withdrawal's {@code status}, {@code txid} and {@code
   * rawTransaction} (null while not signed, e.g. rejected first); 503 when the hot wallet's coins
   * are busy (try again). Nothing else in this test depends on who signs.
   */
  /**
   * What the blockchain-broadcaster does: take the wallet's plan (stored once; a repeat returns it,
   * with the transaction once one was accepted), sign exactly that plan with the dev seed, and hand
   * the bytes back. Answers the wallet's last answer: the accepted transaction (200, SIGNED), or
   * why not (409, 503, ...).
   */
  private HttpResponse<String> signWithdrawal(String withdrawalId)
      throws IOException, InterruptedException {
    String path = "/api/v1/wallet/internal/withdrawals/" + withdrawalId;
    HttpResponse<String> planned =
        wallet.internal("POST", path + "/plan", "blockchain-broadcaster", null, "{}");
    if (planned.statusCode() != 200 || field(planned, "rawTransaction") != null) {
      return planned;
    }
    JsonNode plan = JSON.readTree(planned.body()).get("plan");
    if (plan == null || plan.isNull()) {
      return planned;
    }
    String raw = DevSigner.sign(planFrom(plan));
    return wallet.internal(
        "POST",
        path + "/signature",
        "blockchain-broadcaster",
        null,
        "{\"rawTransaction\":\"" + raw + "\"}");
  }

  private static WithdrawalPlan planFrom(JsonNode plan) {
    List<WithdrawalPlan.Input> inputs = new ArrayList<>();
    for (JsonNode in : plan.get("inputs")) {
      inputs.add(
          new WithdrawalPlan.Input(
              in.get("txid").asString(),
              in.get("vout").asInt(),
              Doge.parse(in.get("amount").asString()),
              in.get("address").asString(),
              in.get("chain").asInt(),
              in.get("index").asInt()));
    }
    List<WithdrawalPlan.Output> outputs = new ArrayList<>();
    for (JsonNode out : plan.get("outputs")) {
      JsonNode changeIndex = out.get("changeIndex");
      outputs.add(
          new WithdrawalPlan.Output(
              out.get("address").asString(),
              Doge.parse(out.get("amount").asString()),
              changeIndex == null || changeIndex.isNull() ? null : changeIndex.asInt()));
    }
    return new WithdrawalPlan(
        inputs, outputs, Doge.parse(plan.get("fee").asString()), plan.get("size").asInt());
  }

  // ---- one client: an auction service, an order service, a chain watcher and users at once ----

  /**
   * A call that may be cut off by the crash; repeating it is safe (keyed or naturally idempotent).
   */
  interface Call {
    HttpResponse<String> send() throws IOException, InterruptedException;
  }

  /** An acknowledged operation, how to send it again and what the repeat must answer. */
  record Replay(String what, Call call, Predicate<HttpResponse<String>> expected) {}

  static final class HoldModel {
    final String user;
    final String reference;
    long amount;
    boolean captured;

    HoldModel(String user, String reference) {
      this.user = user;
      this.reference = reference;
    }
  }

  static final class EscrowModel {
    final String orderId;
    final String buyer;
    final String seller;
    final long amount;
    String status = "FUNDED";
    Long buyerRefund;
    Long sellerPayout;
    Long fee;

    EscrowModel(String orderId, String buyer, String seller, long amount) {
      this.orderId = orderId;
      this.buyer = buyer;
      this.seller = seller;
      this.amount = amount;
    }
  }

  final class DepositModel {
    final String txid;
    final int vout;
    final String user;
    final long amount;
    final int required;
    String status = "UNKNOWN";
    String blockHash;

    DepositModel(String user, long amount) {
      byte[] bytes = new byte[32];
      ThreadLocalRandom.current().nextBytes(bytes);
      this.txid = HexFormat.of().formatHex(bytes);
      this.vout = ThreadLocalRandom.current().nextInt(3);
      this.user = user;
      this.amount = amount;
      this.required = amount < 1_000 * DOGE ? 6 : 20;
    }

    Call seen(String hash) {
      return () ->
          wallet.internal(
              "POST",
              "/api/v1/wallet/internal/deposits",
              "deposit-watcher",
              null,
              "{\"txid\":\""
                  + txid
                  + "\",\"vout\":"
                  + vout
                  + ",\"address\":\""
                  + depositAddresses.get(user)
                  + "\",\"amount\":\""
                  + doge(amount)
                  + "\",\"blockHash\":\""
                  + hash
                  + "\",\"blockHeight\":7}");
    }

    Call confirmations(int depth) {
      return () ->
          wallet.internal(
              "POST",
              "/api/v1/wallet/internal/deposits/" + txid + "/" + vout + "/confirmations",
              "deposit-watcher",
              null,
              "{\"confirmations\":" + depth + "}");
    }

    Call cancel() {
      return () ->
          wallet.internal(
              "POST",
              "/api/v1/wallet/internal/deposits/" + txid + "/" + vout + "/cancel",
              "deposit-watcher",
              null,
              "{}");
    }

    /** The notifications repeated once more at the end, none of which may change it now. */
    List<Replay> replays() {
      Predicate<HttpResponse<String>> same =
          r -> r.statusCode() == 200 && status.equals(field(r, "status"));
      return switch (status) {
        case "CANCELLED" ->
            List.of(
                new Replay("cancel " + this, cancel(), same),
                new Replay("confirm " + this, confirmations(required), same));
        case "CREDITED" ->
            List.of(
                new Replay("seen " + this, seen(blockHash), same),
                new Replay("confirm " + this, confirmations(required), same),
                new Replay(
                    "cancel " + this,
                    cancel(),
                    r -> r.statusCode() == 409 && problem(r).equals("deposit-credited")));
        default ->
            List.of(
                new Replay("seen " + this, seen(blockHash), same),
                new Replay("confirm " + this, confirmations(required - 1), same));
      };
    }

    @Override
    public String toString() {
      return "deposit " + txid + ":" + vout;
    }
  }

  static final class WithdrawalModel {
    final String id;
    final String user;
    final long amount;
    final long feeReserve;
    String status;
    String txid;
    String rawTransaction;
    long networkFee;
    boolean sent;

    WithdrawalModel(String id, String user, long amount, long feeReserve, String status) {
      this.id = id;
      this.user = user;
      this.amount = amount;
      this.feeReserve = feeReserve;
      this.status = status;
    }
  }

  /**
   * A deposit that funds a user before the mix: seen, then deep enough. Small, so that some
   * operations find too little.
   */
  private DepositModel fundingDeposit(String user) throws InterruptedException {
    DepositModel d = new DepositModel(user, 150 * DOGE);
    d.blockHash = "f".repeat(64);
    assertThat(field(untilAnswered("seen", d.seen(d.blockHash)), "status")).isEqualTo("PENDING");
    assertThat(field(untilAnswered("confirm", d.confirmations(d.required)), "status"))
        .isEqualTo("CREDITED");
    d.status = "CREDITED";
    return d;
  }

  final class Client {
    final int id;
    final Map<String, HoldModel> holds = new LinkedHashMap<>();
    final List<EscrowModel> escrows = new ArrayList<>();
    final List<DepositModel> deposits = new ArrayList<>();
    final List<WithdrawalModel> withdrawals = new ArrayList<>();
    final List<Replay> replays = new ArrayList<>();
    long keyedAcknowledged;
    int n;

    Client(int id) {
      this.id = id;
    }

    void run() throws Exception {
      while (!stop.get()) {
        steps.incrementAndGet();
        int choice = random().nextInt(100);
        if (choice < 30) {
          setHold();
        } else if (choice < 38) {
          releaseHold();
        } else if (choice < 46) {
          fundEscrow();
        } else if (choice < 56) {
          settleEscrow();
        } else if (choice < 70) {
          deposit();
        } else if (choice < 82) {
          requestWithdrawal();
        } else {
          advanceWithdrawal();
        }
      }
    }

    private ThreadLocalRandom random() {
      return ThreadLocalRandom.current();
    }

    private String key() {
      return run + "-c" + id + "-" + n++;
    }

    private HoldModel someHold() {
      String user = users.get(random().nextInt(users.size()));
      String reference =
          run + "-c" + id + "-auction-" + random().nextInt(HOLD_REFERENCES_PER_CLIENT);
      return holds.computeIfAbsent(user + "/" + reference, k -> new HoldModel(user, reference));
    }

    void setHold() throws InterruptedException {
      HoldModel hold = someHold();
      long amount = random().nextInt(10) == 0 ? 0 : random().nextLong(DOGE / 2, 60 * DOGE);
      String key = key();
      String body = "{\"amount\":\"" + doge(amount) + "\"}";
      Call call =
          () ->
              wallet.internal(
                  "PUT",
                  "/api/v1/wallet/internal/holds/" + hold.user + "/" + hold.reference,
                  "auction",
                  key,
                  body);
      HttpResponse<String> answer = untilAnswered("hold.set", call);
      if (hold.captured) {
        expect(
            answer.statusCode() == 409 && problem(answer).equals("hold-captured"),
            "hold.set on a captured hold",
            answer);
      } else if (answer.statusCode() == 200) {
        expect(
            koinu(field(answer, "amount")) == amount && "OPEN".equals(field(answer, "status")),
            "hold.set",
            answer);
        hold.amount = amount;
        acknowledged("hold.set", call, answer);
      } else {
        expect(
            answer.statusCode() == 409
                && problem(answer).equals("insufficient-funds")
                && amount > hold.amount,
            "hold.set refused",
            answer);
      }
    }

    void releaseHold() throws InterruptedException {
      HoldModel hold = someHold();
      String key = key();
      Call call =
          () ->
              wallet.internal(
                  "DELETE",
                  "/api/v1/wallet/internal/holds/" + hold.user + "/" + hold.reference,
                  "auction",
                  key,
                  null);
      HttpResponse<String> answer = untilAnswered("hold.release", call);
      expect(
          answer.statusCode() == 200
              && koinu(field(answer, "amount")) == 0
              && (hold.captured ? "CAPTURED" : "OPEN").equals(field(answer, "status")),
          "hold.release",
          answer);
      hold.amount = 0;
      acknowledged("hold.release", call, answer);
    }

    void fundEscrow() throws InterruptedException {
      String orderId = run + "-c" + id + "-order-" + n;
      List<HoldModel> open =
          holds.values().stream().filter(h -> !h.captured && h.amount > 0).toList();
      HoldModel hold =
          !open.isEmpty() && random().nextBoolean()
              ? open.get(random().nextInt(open.size()))
              : null;
      String buyer = hold != null ? hold.user : users.get(random().nextInt(users.size()));
      String seller =
          users.stream()
              .filter(u -> !u.equals(buyer))
              .toList()
              .get(random().nextInt(users.size() - 1));
      long amount =
          hold == null
              ? random().nextLong(DOGE, 50 * DOGE)
              : random().nextBoolean() ? hold.amount : random().nextLong(1, hold.amount + 1);
      String key = key();
      String body =
          "{\"orderId\":\""
              + orderId
              + "\",\"buyerId\":\""
              + buyer
              + "\",\"sellerId\":\""
              + seller
              + "\",\"amount\":\""
              + doge(amount)
              + "\""
              + (hold == null ? "" : ",\"holdReference\":\"" + hold.reference + "\"")
              + "}";
      Call call =
          () -> wallet.internal("POST", "/api/v1/wallet/internal/escrows", "order", key, body);
      String what = hold == null ? "escrow.fund" : "escrow.fund-from-hold";
      HttpResponse<String> answer = untilAnswered(what, call);
      if (answer.statusCode() == 201) {
        expect(
            "FUNDED".equals(field(answer, "status")) && koinu(field(answer, "amount")) == amount,
            what,
            answer);
        escrows.add(new EscrowModel(orderId, buyer, seller, amount));
        if (hold != null) {
          hold.amount = 0;
          hold.captured = true;
        }
        acknowledged(what, call, answer);
      } else {
        expect(
            hold == null
                && answer.statusCode() == 409
                && problem(answer).equals("insufficient-funds"),
            what + " refused",
            answer);
      }
    }

    void settleEscrow() throws Exception {
      List<EscrowModel> funded = escrows.stream().filter(e -> e.status.equals("FUNDED")).toList();
      if (funded.isEmpty()) {
        return;
      }
      EscrowModel escrow = funded.get(random().nextInt(funded.size()));
      Settlement first = settlement(escrow);
      if (random().nextInt(4) == 0) {
        // Contested: the buyer's dispute ruling and the seller's auto-release race; exactly one
        // settles.
        Settlement second = settlement(escrow);
        CompletableFuture<HttpResponse<String>> other =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return untilAnswered(second.what, second.call);
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                },
                contenders);
        HttpResponse<String> a = untilAnswered(first.what, first.call);
        HttpResponse<String> b = other.get();
        expect(
            (a.statusCode() == 200) != (b.statusCode() == 200),
            "contested settlement: exactly one wins",
            a.statusCode() == 200 ? b : a);
        settled(escrow, a.statusCode() == 200 ? first : second, a.statusCode() == 200 ? a : b);
        HttpResponse<String> loser = a.statusCode() == 200 ? b : a;
        expect(
            loser.statusCode() == 409 && problem(loser).equals("escrow-settled"),
            "the loser of a contested settlement",
            loser);
        tally("escrow.contested");
      } else {
        settled(escrow, first, untilAnswered(first.what, first.call));
      }
      if (random().nextInt(10) == 0) {
        Settlement late = settlement(escrow);
        HttpResponse<String> answer = untilAnswered(late.what, late.call);
        expect(
            answer.statusCode() == 409 && problem(answer).equals("escrow-settled"),
            "a late settlement with a new key",
            answer);
      }
    }

    private void settled(EscrowModel escrow, Settlement how, HttpResponse<String> answer) {
      if (answer.statusCode() != 200) {
        expect(false, how.what, answer);
        return;
      }
      long refund = koinu(field(answer, "buyerRefund"));
      long payout = koinu(field(answer, "sellerPayout"));
      long fee = koinu(field(answer, "fee"));
      // What each settlement must pay, worked out here from the rules (not taken from the wallet's
      // answer):
      // the buyer's share of a split is buyerPercent of the amount rounded up to the koinu, the fee
      // is
      // 2.5% of the seller's part rounded up, the seller gets the rest.
      long expectedRefund =
          switch (how.status) {
            case "REFUNDED" -> escrow.amount;
            case "RELEASED" -> 0;
            default -> Math.ceilDiv(escrow.amount * how.buyerBasisPoints, 10_000L);
          };
      long expectedFee =
          how.status.equals("REFUNDED")
              ? 0
              : Math.ceilDiv(
                  (escrow.amount - expectedRefund) * PLATFORM_FEE.basisPoints(), 10_000L);
      expect(
          how.status.equals(field(answer, "status"))
              && refund + payout + fee == escrow.amount
              && refund == expectedRefund
              && fee == expectedFee
              && payout == escrow.amount - expectedRefund - expectedFee,
          how.what,
          answer);
      escrow.status = how.status;
      escrow.buyerRefund = refund;
      escrow.sellerPayout = payout;
      escrow.fee = fee;
      acknowledged(how.what, how.call, answer);
    }

    /**
     * {@code buyerBasisPoints}: the buyer's share of a split in hundredths of a percent (unused
     * otherwise).
     */
    record Settlement(String what, String status, Call call, long buyerBasisPoints) {}

    private Settlement settlement(EscrowModel escrow) {
      String key = key();
      String path = "/api/v1/wallet/internal/escrows/" + escrow.orderId;
      return switch (random().nextInt(3)) {
        case 0 ->
            new Settlement(
                "escrow.release",
                "RELEASED",
                () -> wallet.internal("POST", path + "/release", "order", key, "{}"),
                0);
        case 1 ->
            new Settlement(
                "escrow.refund",
                "REFUNDED",
                () -> wallet.internal("POST", path + "/refund", "order", key, "{}"),
                0);
        default -> {
          int whole = random().nextInt(101);
          int hundredths = whole == 100 ? 0 : random().nextInt(100);
          String percent = whole == 100 ? "100" : whole + "." + String.format("%02d", hundredths);
          String body = "{\"buyerPercent\":\"" + percent + "\"}";
          yield new Settlement(
              "escrow.split",
              "SPLIT",
              () -> wallet.internal("POST", path + "/split", "admin", key, body),
              whole * 100L + hundredths);
        }
      };
    }

    /**
     * A deposit's notifications as the watcher and the confirmation workflow send them, replayed
     * and out of order.
     */
    void deposit() throws Exception {
      String user = users.get(random().nextInt(users.size()));
      long amount =
          random().nextInt(10) == 0
              ? random().nextLong(1_000 * DOGE, 1_200 * DOGE)
              : random().nextLong(DOGE, 300 * DOGE);
      DepositModel d = new DepositModel(user, amount);
      deposits.add(d);
      String h1 =
          HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putInt(id).putInt(n++).array());
      switch (random().nextInt(5)) {
        case 0 -> { // replayed: every notification twice, and the pending record again after the
          // credit
          seen(d, h1, "PENDING");
          seen(d, h1, "PENDING");
          confirm(d, d.required - 1, "PENDING");
          confirm(d, d.required, "CREDITED");
          confirm(d, d.required, "CREDITED");
          seen(d, h1, "CREDITED");
        }
        case 1 -> { // reordered: the depth arrives before the deposit itself, a lower depth after
          // the credit
          HttpResponse<String> early =
              untilAnswered("deposit.confirm-before-seen", d.confirmations(d.required));
          expect(early.statusCode() == 404, "confirmations of an unknown deposit", early);
          seen(d, h1, "PENDING");
          confirm(d, d.required + 3, "CREDITED");
          seen(d, h1, "CREDITED");
          confirm(d, 1, "CREDITED");
        }
        case 2 -> { // duplicated at once: two watchers, two workflow executions
          d.blockHash = h1;
          both("deposit.seen", d.seen(h1), "PENDING");
          d.status = "PENDING";
          both("deposit.credit", d.confirmations(d.required), "CREDITED");
          d.status = "CREDITED";
        }
        case 3 -> { // orphaned by a reorg before the credit; sometimes mined again in another block
          seen(d, h1, "PENDING");
          confirm(d, 2, "PENDING");
          cancel(d, "CANCELLED");
          cancel(d, "CANCELLED");
          confirm(d, d.required, "CANCELLED");
          if (random().nextBoolean()) {
            seen(
                d,
                HexFormat.of()
                    .formatHex(
                        java.nio.ByteBuffer.allocate(32).putInt(-id - 1).putInt(n++).array()),
                "PENDING");
            confirm(d, d.required, "CREDITED");
            HttpResponse<String> tooDeep = untilAnswered("deposit.cancel-after-credit", d.cancel());
            expect(
                tooDeep.statusCode() == 409 && problem(tooDeep).equals("deposit-credited"),
                "a reorg after the credit is refused",
                tooDeep);
          }
        }
        default -> { // still confirming when the run ends
          seen(d, h1, "PENDING");
          confirm(d, random().nextInt(1, d.required), "PENDING");
        }
      }
    }

    private void seen(DepositModel d, String hash, String expected) throws InterruptedException {
      HttpResponse<String> answer = untilAnswered("deposit.seen", d.seen(hash));
      expect(
          answer.statusCode() == 200 && expected.equals(field(answer, "status")),
          "deposit.seen",
          answer);
      d.blockHash = hash;
      d.status = expected;
      acknowledgedSoFar.incrementAndGet();
    }

    private void confirm(DepositModel d, int depth, String expected) throws InterruptedException {
      String what =
          expected.equals("CREDITED") && d.status.equals("PENDING")
              ? "deposit.credit"
              : "deposit.confirm";
      HttpResponse<String> answer = untilAnswered(what, d.confirmations(depth));
      expect(answer.statusCode() == 200 && expected.equals(field(answer, "status")), what, answer);
      d.status = expected;
      acknowledgedSoFar.incrementAndGet();
    }

    private void cancel(DepositModel d, String expected) throws InterruptedException {
      HttpResponse<String> answer = untilAnswered("deposit.cancel", d.cancel());
      expect(
          answer.statusCode() == 200 && expected.equals(field(answer, "status")),
          "deposit.cancel",
          answer);
      d.status = expected;
      acknowledgedSoFar.incrementAndGet();
    }

    private void both(String what, Call call, String expected) throws Exception {
      CompletableFuture<HttpResponse<String>> other =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return untilAnswered(what, call);
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              },
              contenders);
      HttpResponse<String> answer = untilAnswered(what, call);
      for (HttpResponse<String> a : List.of(answer, other.get())) {
        expect(
            a.statusCode() == 200 && expected.equals(field(a, "status")),
            what + " twice at once",
            a);
        acknowledgedSoFar.incrementAndGet();
      }
    }

    void requestWithdrawal() throws InterruptedException {
      String user = users.get(random().nextInt(users.size()));
      long amount = random().nextLong(DOGE, 30 * DOGE);
      String key = key();
      String body = "{\"address\":\"" + OUTSIDE_ADDRESS + "\",\"amount\":\"" + doge(amount) + "\"}";
      Call call = () -> wallet.asUser(user, false, "POST", "/api/v1/wallet/withdrawals", key, body);
      HttpResponse<String> answer = untilAnswered("withdrawal.request", call);
      if (answer.statusCode() == 201) {
        expect(
            "APPROVED".equals(field(answer, "status")) && koinu(field(answer, "amount")) == amount,
            "withdrawal.request",
            answer);
        withdrawals.add(
            new WithdrawalModel(
                field(answer, "id"), user, amount, koinu(field(answer, "feeReserve")), "APPROVED"));
        acknowledged("withdrawal.request", call, answer);
      } else {
        expect(
            answer.statusCode() == 409 && problem(answer).equals("insufficient-funds"),
            "withdrawal.request refused",
            answer);
      }
    }

    /**
     * The WithdrawalWorkflow's next step for one of this client's withdrawals, or an admin's
     * rejection.
     */
    void advanceWithdrawal() throws Exception {
      List<WithdrawalModel> open =
          withdrawals.stream()
              .filter(w -> w.status.equals("APPROVED") || w.status.equals("SIGNED"))
              .toList();
      if (open.isEmpty()) {
        return;
      }
      WithdrawalModel w = open.get(random().nextInt(open.size()));
      if (w.status.equals("SIGNED")) {
        settle(w);
        return;
      }
      int choice = random().nextInt(10);
      if (choice == 0) {
        reject(w, untilAnswered("withdrawal.reject", reject(w)));
      } else if (choice == 1) {
        // An admin rejects while the workflow signs: one of them wins, never both.
        CompletableFuture<HttpResponse<String>> rejection =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return untilAnswered("withdrawal.reject", reject(w));
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                },
                contenders);
        HttpResponse<String> signed = untilSigned(w);
        HttpResponse<String> rejected = rejection.get();
        if (rejected.statusCode() == 200) {
          expect(
              "REJECTED".equals(field(signed, "status")) && field(signed, "rawTransaction") == null,
              "sign after a rejection",
              signed);
          reject(w, rejected);
        } else {
          // Once the wallet has planned the transaction (the first step of signing) a rejection is
          // refused.
          expect(
              rejected.statusCode() == 409
                  && problem(rejected).equals("withdrawal-state")
                  && field(rejected, "detail") != null
                  && field(rejected, "detail")
                      .matches(".* is (PLANNED|SIGNED) and can no longer be rejected"),
              "rejection after signing",
              rejected);
          signed(w, signed);
        }
      } else {
        signed(w, untilSigned(w));
      }
    }

    private Call reject(WithdrawalModel w) {
      return () ->
          wallet.asUser(
              run + "-admin",
              true,
              "POST",
              "/api/v1/wallet/admin/withdrawals/" + w.id + "/reject",
              null,
              "{\"reason\":\"crash mix\"}");
    }

    private void reject(WithdrawalModel w, HttpResponse<String> answer) {
      expect(
          answer.statusCode() == 200 && "REJECTED".equals(field(answer, "status")),
          "withdrawal.reject",
          answer);
      w.status = "REJECTED";
      acknowledgedSoFar.incrementAndGet();
      replays.add(
          new Replay(
              "reject " + w.id,
              reject(w),
              r -> r.statusCode() == 200 && "REJECTED".equals(field(r, "status"))));
    }

    private HttpResponse<String> untilSigned(WithdrawalModel w) throws InterruptedException {
      long deadline = System.nanoTime() + GIVE_UP.toNanos();
      while (true) {
        HttpResponse<String> answer = untilAnswered("withdrawal.sign", () -> signWithdrawal(w.id));
        if (answer.statusCode() != 503 || System.nanoTime() > deadline) {
          return answer;
        }
        Thread.sleep(random().nextLong(20, 200));
      }
    }

    private void signed(WithdrawalModel w, HttpResponse<String> answer) {
      String txid = field(answer, "txid");
      String raw = field(answer, "rawTransaction");
      expect(
          answer.statusCode() == 200
              && "SIGNED".equals(field(answer, "status"))
              && txid != null
              && raw != null
              && TransactionCodec.decode(raw, NETWORK).txid().equals(txid),
          "withdrawal.sign",
          answer);
      w.status = "SIGNED";
      w.txid = txid;
      w.rawTransaction = raw;
      acknowledgedSoFar.incrementAndGet();
      replays.add(
          new Replay(
              "sign " + w.id,
              () -> signWithdrawal(w.id),
              r ->
                  r.statusCode() == 200
                      && txid.equals(field(r, "txid"))
                      && raw.equals(field(r, "rawTransaction"))));
    }

    /** The broadcaster sends the signed bytes; once they are 6 deep the workflow settles. */
    private void settle(WithdrawalModel w) throws InterruptedException {
      Call call =
          () ->
              wallet.internal(
                  "POST",
                  "/api/v1/wallet/internal/withdrawals/" + w.id + "/settle",
                  "blockchain-broadcaster",
                  null,
                  "{\"confirmations\":6}");
      if (!w.sent) {
        assertThat(chain.send(w.rawTransaction)).isEqualTo(w.txid);
        w.sent = true;
        HttpResponse<String> early = untilAnswered("withdrawal.settle-unconfirmed", call);
        expect(
            early.statusCode() == 200 && "SIGNED".equals(field(early, "status")),
            "a settlement before 6 confirmations",
            early);
        return;
      }
      chain.mine(w.txid, 6);
      HttpResponse<String> answer = untilAnswered("withdrawal.settle", call);
      String fee = field(answer, "networkFee");
      expect(
          answer.statusCode() == 200
              && "COMPLETED".equals(field(answer, "status"))
              && fee != null
              && koinu(fee) > 0
              && koinu(fee) <= w.feeReserve,
          "withdrawal.settle",
          answer);
      w.status = "COMPLETED";
      w.networkFee = koinu(fee);
      acknowledgedSoFar.incrementAndGet();
      replays.add(
          new Replay(
              "settle " + w.id,
              call,
              r ->
                  r.statusCode() == 200
                      && "COMPLETED".equals(field(r, "status"))
                      && fee.equals(field(r, "networkFee"))));
    }

    private void acknowledged(String what, Call call, HttpResponse<String> answer) {
      keyedAcknowledged++;
      acknowledgedSoFar.incrementAndGet();
      int status = answer.statusCode();
      String body = answer.body();
      replays.add(new Replay(what, call, r -> r.statusCode() == status && r.body().equals(body)));
    }
  }

  // ---- plumbing ----

  /**
   * Sends until the wallet answers: a request cut off by a kill (connection refused or reset, no
   * answer) goes again with the same key, as a client or workflow retry would. A 5xx other than 503
   * is a surprise, and is retried too.
   */
  private HttpResponse<String> untilAnswered(String what, Call call) throws InterruptedException {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    while (true) {
      inFlight.incrementAndGet();
      try {
        HttpResponse<String> answer = call.send();
        if (answer.statusCode() < 500 || answer.statusCode() == 503) {
          calls.incrementAndGet();
          tally(
              what
                  + " "
                  + answer.statusCode()
                  + (answer.statusCode() >= 400 ? " " + problem(answer) : ""));
          return answer;
        }
        surprises.add(what + " answered " + answer.statusCode() + " " + answer.body());
      } catch (IOException cut) {
        cutOff.incrementAndGet();
      } finally {
        inFlight.decrementAndGet();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": no answer from the wallet within " + GIVE_UP);
      }
      Thread.sleep(ThreadLocalRandom.current().nextLong(50, 250));
    }
  }

  private void expect(boolean allowed, String what, HttpResponse<String> answer) {
    if (!allowed) {
      surprises.add(what + ": " + answer.statusCode() + " " + answer.body());
    }
  }

  private void tally(String outcome) {
    outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
  }

  private Map<String, Integer> counts() {
    Map<String, Integer> counts = new HashMap<>();
    outcomes.forEach((k, v) -> counts.put(k, v.get()));
    return counts;
  }

  private static String field(HttpResponse<String> answer, String name) {
    try {
      JsonNode value = JSON.readTree(answer.body()).get(name);
      return value == null || value.isNull() ? null : value.asString();
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /** The problem code, the last segment of the problem type. */
  private static String problem(HttpResponse<String> answer) {
    String type = field(answer, "type");
    return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
  }

  private static long koinu(String doge) {
    return new BigDecimal(doge).movePointRight(8).longValueExact();
  }

  private static String doge(long koinu) {
    return BigDecimal.valueOf(koinu, 8).toPlainString();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
