package com.dbay.wallet.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.dogecoin.DecodedTransaction;
import com.dbay.dogecoin.rpc.ChainTransaction;
import com.dbay.dogecoin.rpc.DogecoinRpcClient;
import com.dbay.platform.money.Doge;
import com.dbay.platform.test.TestCallers;
import com.dbay.wallet.DevNodeProcess;
import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.application.service.LedgerQueries;
import com.dbay.wallet.domain.Balances;
import com.dbay.wallet.domain.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #9 item 1 against the real dev node: the deposit-watcher's reports reach the wallet signed
 * as the deposit-watcher (so the caller check passes), and the wallet still believes only what its
 * own node says. A made-up 1,000 DOGE deposit, a real output reported with a bigger amount, and six
 * confirmations reported when the node says three are all refused with 409 and credit nothing; the
 * true reports credit the deposit once.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "dbay.identity.gateway-secret=reported-deposits-it-secret-0123456789ab")
class ReportedDepositsIT {

  private static final String MINER = "mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi";
  static final TestCallers CALLERS = TestCallers.forPart("wallet-service");
  private static DevNodeProcess node;
  private static DogecoinRpcClient rpc;

  @LocalServerPort int port;
  @Autowired DepositService deposits;
  @Autowired LedgerQueries ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void chain(DynamicPropertyRegistry registry) throws Exception {
    node =
        DevNodeProcess.start(Files.createTempDirectory("wallet-reported"), "devnode-reported.log");
    rpc = node.rpc();
    registry.add("dbay.wallet.chain.rpc-url", node::url);
    registry.add("dbay.wallet.chain.watch-interval", () -> "0s");
    registry.add("dbay.service-calls.trusted-callers-file", CALLERS::trustedCallersFile);
  }

  @AfterAll
  static void stopTheNode() {
    node.stop();
  }

  @Test
  void aMadeUpThousandDogeDepositIsRefusedAndCreditsNothing() throws Exception {
    UserId mallory = newUser();
    String address = deposits.depositAddress(mallory).address();
    byte[] made = new byte[32];
    new java.security.SecureRandom().nextBytes(made);
    String txid = HexFormat.of().formatHex(made);
    long tip = rpc.getBlockCount();

    Reply seen = seen(txid, 0, address, "1000", rpc.getBlockHash(tip), tip);
    assertThat(seen.status).isEqualTo(409);
    assertThat(seen.type()).endsWith("/deposit-not-on-chain");
    Reply confirmed = confirmations(txid, 0, 6);
    assertThat(confirmed.status).as("nothing was recorded to confirm").isEqualTo(404);

    assertThat(balances(mallory)).isEqualTo(new Balances(Doge.ZERO, Doge.ZERO, Doge.ZERO));
    assertThat(deposits.pendingTotal(mallory)).isEqualTo(Doge.ZERO);
    assertThat(rowsOf(txid)).isZero();
  }

  @Test
  void aRealOutputReportedWithABiggerAmountOrAnotherAddressIsRefused() throws Exception {
    UserId bob = newUser();
    String address = deposits.depositAddress(bob).address();
    String other = deposits.depositAddress(newUser()).address();
    Paid paid = pay(address, 100);
    mine(1);
    Mined mined = mined(paid.txid);

    Reply inflated = seen(paid.txid, paid.vout, address, "1000", mined.hash, mined.height);
    assertThat(inflated.status).isEqualTo(409);
    assertThat(inflated.type()).endsWith("/deposit-mismatch");
    Reply redirected = seen(paid.txid, paid.vout, other, "100", mined.hash, mined.height);
    assertThat(redirected.status).isEqualTo(409);
    assertThat(redirected.type()).endsWith("/deposit-mismatch");
    Reply wrongBlock = seen(paid.txid, paid.vout, address, "100", rpc.getBlockHash(0), 0);
    assertThat(wrongBlock.status).isEqualTo(409);
    assertThat(wrongBlock.type()).endsWith("/deposit-block-mismatch");
    assertThat(rowsOf(paid.txid)).isZero();
  }

  @Test
  void sixConfirmationsReportedWhenTheNodeSaysThreeAreRefusedAndTheTrueCountCreditsOnce()
      throws Exception {
    UserId carol = newUser();
    String address = deposits.depositAddress(carol).address();
    Paid paid = pay(address, 100);
    mine(3);
    Mined mined = mined(paid.txid);

    Reply seen = seen(paid.txid, paid.vout, address, "100", mined.hash, mined.height);
    assertThat(seen.status).isEqualTo(200);
    assertThat(seen.json.get("status").asString()).isEqualTo("PENDING");

    Reply inflated = confirmations(paid.txid, paid.vout, 6);
    assertThat(inflated.status).isEqualTo(409);
    assertThat(inflated.type()).endsWith("/confirmations-not-on-chain");
    assertThat(inflated.json.get("detail").asString()).contains("node says 3");
    assertThat(balances(carol).available()).isEqualTo(Doge.ZERO);
    assertThat(deposits.pendingTotal(carol)).isEqualTo(Doge.ofDoge(100));

    Reply cancelled =
        post("/api/v1/wallet/internal/deposits/" + paid.txid + "/" + paid.vout + "/cancel", "{}");
    assertThat(cancelled.status).as("a reorg the node does not show").isEqualTo(409);
    assertThat(cancelled.type()).endsWith("/deposit-still-on-chain");

    Reply honest = confirmations(paid.txid, paid.vout, 3);
    assertThat(honest.status).isEqualTo(200);
    assertThat(honest.json.get("status").asString()).isEqualTo("PENDING");

    mine(3);
    Reply deep = confirmations(paid.txid, paid.vout, 6);
    assertThat(deep.status).isEqualTo(200);
    assertThat(deep.json.get("status").asString()).isEqualTo("CREDITED");
    assertThat(confirmations(paid.txid, paid.vout, 6).status).isEqualTo(200);
    assertThat(balances(carol).available()).isEqualTo(Doge.ofDoge(100));
    assertThat(deposits.pendingTotal(carol)).isEqualTo(Doge.ZERO);
  }

  @Test
  void anUnminedTransactionIsNotADepositYet() throws Exception {
    UserId dan = newUser();
    String address = deposits.depositAddress(dan).address();
    Paid paid = pay(address, 50);
    long tip = rpc.getBlockCount();

    Reply seen = seen(paid.txid, paid.vout, address, "50", rpc.getBlockHash(tip), tip);
    assertThat(seen.status).isEqualTo(409);
    assertThat(seen.type()).endsWith("/deposit-not-mined");
    assertThat(rowsOf(paid.txid)).isZero();
  }

  private record Paid(String txid, int vout) {}

  private record Mined(String hash, long height) {}

  private record Reply(int status, JsonNode json) {
    String type() {
      return json.path("type").asString("");
    }
  }

  private Paid pay(String address, long doge) {
    String txid = rpc.faucet(address, Doge.ofDoge(doge).koinu());
    ChainTransaction tx = rpc.getRawTransaction(txid);
    for (DecodedTransaction.Output output : tx.transaction().outputs()) {
      if (output.address() != null && address.equals(output.address().toBase58())) {
        return new Paid(txid, output.index());
      }
    }
    throw new AssertionError("the faucet paid no output to " + address);
  }

  private Mined mined(String txid) {
    String hash = rpc.getRawTransaction(txid).blockHash();
    return new Mined(hash, rpc.getBlockHeader(hash).height());
  }

  private void mine(int blocks) {
    rpc.generateToAddress(blocks, MINER);
  }

  private Balances balances(UserId user) {
    return ledger.balances(user);
  }

  private long rowsOf(String txid) {
    return jdbc.queryForObject("select count(*) from deposits where txid = ?", Long.class, txid);
  }

  private static UserId newUser() {
    return new UserId("reported-" + UUID.randomUUID());
  }

  private Reply seen(
      String txid, int vout, String address, String amount, String blockHash, long height)
      throws Exception {
    return post(
        "/api/v1/wallet/internal/deposits",
        "{\"txid\":\""
            + txid
            + "\",\"vout\":"
            + vout
            + ",\"address\":\""
            + address
            + "\",\"amount\":\""
            + amount
            + "\",\"blockHash\":\""
            + blockHash
            + "\",\"blockHeight\":"
            + height
            + "}");
  }

  private Reply confirmations(String txid, int vout, int count) throws Exception {
    return post(
        "/api/v1/wallet/internal/deposits/" + txid + "/" + vout + "/confirmations",
        "{\"confirmations\":" + count + "}");
  }

  /** Signed as the deposit-watcher: the caller check passes, so only the chain check can refuse. */
  private Reply post(String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    CALLERS
        .signer("deposit-watcher")
        .headers(
            "POST",
            URI.create("http://localhost:" + port + path),
            body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .forEach(request::header);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(),
        response.body().isEmpty() ? json.nullNode() : json.readTree(response.body()));
  }
}
