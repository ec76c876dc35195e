package com.dbay.wallet.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.HdSigner;
import com.dbay.lambda.blockchainbroadcaster.BlockchainBroadcasterHandler;
import com.dbay.lambda.blockchainbroadcaster.Broadcaster;
import com.dbay.lambda.blockchainbroadcaster.HttpWithdrawalWallet;
import com.dbay.lambda.blockchainbroadcaster.WithdrawalSigner;
import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.money.Doge;
import com.dbay.platform.servicecall.InternalEndpoints;
import com.dbay.platform.test.TestCallers;
import com.dbay.wallet.DevSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API end to end: identity from the gateway proof, bad input as problem+json with nothing
 * held.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dbay.identity.gateway-secret=wallet-api-it-secret-0123456789abcdef",
      "dbay.wallet.withdrawals.daily-limit=300",
      "dbay.wallet.withdrawals.approval-threshold=150",
      // made-up deposits fund the users here; ReportedDepositsIT checks reports against a node
      "dbay.wallet.chain.verify-reported-deposits=false"
    })
class WalletApiIT {

  private static final String SECRET = "wallet-api-it-secret-0123456789abcdef";
  private static final String REGTEST_ADDRESS = "mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi";
  private static final String MAINNET_ADDRESS = "DBus3bamQjgJULBJtYXpEzDWQRwF5iwxgC";

  /**
   * Signing a plan must not touch the network: this broadcaster fails the test if it is asked to.
   */
  private static final Broadcaster SIGNING_NEVER_BROADCASTS =
      new Broadcaster() {
        public String broadcast(String rawTransactionHex) {
          throw new AssertionError("signing broadcast a transaction");
        }

        public long confirmations(String txid) {
          throw new AssertionError("signing asked for confirmations");
        }
      };

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired com.dbay.platform.starter.events.EventBus bus;

  /** Random keys for the parts the wallet trusts, and one it does not. */
  static final TestCallers CALLERS = TestCallers.forPart("wallet-service");

  @DynamicPropertySource
  static void trustedCallers(DynamicPropertyRegistry registry) {
    registry.add("dbay.service-calls.trusted-callers-file", CALLERS::trustedCallersFile);
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final GatewayProof proof = new GatewayProof(SECRET);
  private String bob;

  @BeforeEach
  void bobHasFiveHundredDoge() throws Exception {
    bob = "api-" + UUID.randomUUID();
    String address =
        call("GET", "/api/v1/wallet/deposit-address", bob, null, null)
            .json
            .get("address")
            .asString();
    String txid = HexFormat.of().formatHex(randomBytes());
    Response seen =
        call(
            "POST",
            "/api/v1/wallet/internal/deposits",
            null,
            null,
            "{\"txid\":\""
                + txid
                + "\",\"vout\":0,\"address\":\""
                + address
                + "\",\"amount\":\"500\",\"blockHash\":\"b\",\"blockHeight\":1}");
    assertThat(seen.status).isEqualTo(200);
    call(
        "POST",
        "/api/v1/wallet/internal/deposits/" + txid + "/0/confirmations",
        null,
        null,
        "{\"confirmations\":6}");
  }

  @Test
  void theBalanceShowsDecimalStringsWithEightPlaces() throws Exception {
    Response balance = call("GET", "/api/v1/wallet/balance", bob, null, null);
    assertThat(balance.status).isEqualTo(200);
    assertThat(balance.json.get("available").asString()).isEqualTo("500.00000000");
    assertThat(balance.json.get("held").asString()).isEqualTo("0.00000000");
    assertThat(balance.json.get("escrow").asString()).isEqualTo("0.00000000");
    assertThat(balance.json.get("pending").asString()).isEqualTo("0.00000000");
  }

  @Test
  void withoutTheDevChainTheFaucetDoesNotExistAndTheChainEndpointSaysSo() throws Exception {
    assertThat(call("POST", "/api/v1/wallet/dev/faucet", bob, null, "{\"amount\":\"1\"}").status)
        .isEqualTo(404);
    Response chain = call("GET", "/api/v1/wallet/chain", bob, null, null);
    assertThat(chain.json.get("devFaucet").asBoolean()).isFalse();
  }

  @Test
  void theWithdrawFormLearnsWhatIsLeftOfTodaysLimitAndListsTheUsersWithdrawals() throws Exception {
    Response before = call("GET", "/api/v1/wallet/withdrawal-limits", bob, null, null);
    assertThat(before.json.get("dailyLimit").asString()).isEqualTo("300.00000000");
    assertThat(before.json.get("dailyRemaining").asString()).isEqualTo("300.00000000");
    assertThat(before.json.get("networkFeePerKb").asString()).isEqualTo("0.01000000");

    Response made =
        call(
            "POST",
            "/api/v1/wallet/withdrawals",
            bob,
            UUID.randomUUID().toString(),
            "{\"address\":\"" + REGTEST_ADDRESS + "\",\"amount\":\"120\"}");
    assertThat(made.status).isEqualTo(201);

    assertThat(
            call("GET", "/api/v1/wallet/withdrawal-limits", bob, null, null)
                .json
                .get("dailyRemaining")
                .asString())
        .isEqualTo("180.00000000");
    Response list = call("GET", "/api/v1/wallet/withdrawals", bob, null, null);
    assertThat(list.json.get("items")).hasSize(1);
    assertThat(list.json.get("items").get(0).get("id").asString())
        .isEqualTo(made.json.get("id").asString());
    // Someone else's list does not show it.
    assertThat(
            call("GET", "/api/v1/wallet/withdrawals", "other-" + UUID.randomUUID(), null, null)
                .json
                .get("items"))
        .isEmpty();
  }

  @Test
  void aDepositShowsAsPendingWithItsConfirmationsThenAsAvailable() throws Exception {
    String address =
        call("GET", "/api/v1/wallet/deposit-address", bob, null, null)
            .json
            .get("address")
            .asString();
    String txid = HexFormat.of().formatHex(randomBytes());
    call(
        "POST",
        "/api/v1/wallet/internal/deposits",
        null,
        null,
        "{\"txid\":\""
            + txid
            + "\",\"vout\":1,\"address\":\""
            + address
            + "\",\"amount\":\"1000\",\"blockHash\":\"b\",\"blockHeight\":2}");
    call(
        "POST",
        "/api/v1/wallet/internal/deposits/" + txid + "/1/confirmations",
        null,
        null,
        "{\"confirmations\":3}");

    Response pending = call("GET", "/api/v1/wallet/balance", bob, null, null);
    assertThat(pending.json.get("available").asString()).isEqualTo("500.00000000");
    assertThat(pending.json.get("pending").asString()).isEqualTo("1000.00000000");
    JsonNode newest =
        call("GET", "/api/v1/wallet/deposits", bob, null, null).json.get("items").get(0);
    assertThat(newest.get("txid").asString()).isEqualTo(txid);
    assertThat(newest.get("status").asString()).isEqualTo("PENDING");
    assertThat(newest.get("confirmations").asInt()).isEqualTo(3);
    assertThat(newest.get("requiredConfirmations").asInt()).isEqualTo(20);

    call(
        "POST",
        "/api/v1/wallet/internal/deposits/" + txid + "/1/confirmations",
        null,
        null,
        "{\"confirmations\":20}");
    Response credited = call("GET", "/api/v1/wallet/balance", bob, null, null);
    assertThat(credited.json.get("available").asString()).isEqualTo("1500.00000000");
    assertThat(credited.json.get("pending").asString()).isEqualTo("0.00000000");
    assertThat(
            call("GET", "/api/v1/wallet/deposits", bob, null, null)
                .json
                .get("items")
                .get(0)
                .get("status")
                .asString())
        .isEqualTo("CREDITED");
  }

  @Test
  void nobodySeesAnotherUsersDeposits() throws Exception {
    Response carols =
        call("GET", "/api/v1/wallet/deposits", "carol-" + UUID.randomUUID(), null, null);
    assertThat(carols.status).isEqualTo(200);
    assertThat(carols.json.get("items").size()).isZero();
    assertThat(call("GET", "/api/v1/wallet/deposits", bob, null, null).json.get("items").size())
        .isEqualTo(1);
  }

  @Test
  void everyInternalEndpointRefusesCallsWithoutAPartsSignatureAndFromPartsNotOnItsList()
      throws Exception {
    var rows = InternalEndpoints.of("wallet-service");
    assertThat(rows).hasSizeGreaterThan(10);
    java.util.Set<String> parts = new java.util.TreeSet<>();
    rows.forEach(r -> parts.addAll(r.callers()));
    for (var row : rows) {
      String path = row.path().replaceAll("\\{[^}]+}", "x1");
      String body =
          "{\"amount\":\"1000\",\"txid\":\"ab\",\"vout\":0,\"address\":\""
              + REGTEST_ADDRESS
              + "\",\"confirmations\":6}";
      byte[] sent =
          hasBody(row.method())
              ? body.getBytes(java.nio.charset.StandardCharsets.UTF_8)
              : new byte[0];
      // no credentials at all, and the old self-declared caller header (admin was the split
      // authority)
      HttpResponse<String> anonymous =
          raw(
              row.method(),
              path,
              body,
              Map.of("X-Caller-Service", "admin", "Idempotency-Key", "k-" + UUID.randomUUID()));
      assertThat(anonymous.statusCode())
          .as("%s %s without credentials", row.method(), path)
          .isEqualTo(401);
      assertThat(anonymous.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      // a part the wallet knows, signing correctly, on an endpoint that does not name it
      for (String other : parts) {
        if (row.callers().contains(other)) {
          continue;
        }
        Map<String, String> headers =
            new java.util.HashMap<>(
                CALLERS.signer(other).headers(row.method(), URI.create("http://x" + path), sent));
        headers.put("Idempotency-Key", "k-" + UUID.randomUUID());
        assertThat(raw(row.method(), path, body, headers).statusCode())
            .as("%s %s as %s", row.method(), path, other)
            .isEqualTo(403);
      }
      // a key nobody gave the wallet
      Map<String, String> stranger =
          CALLERS
              .signer(TestCallers.STRANGER)
              .headers(row.method(), URI.create("http://x" + path), sent);
      assertThat(raw(row.method(), path, body, stranger).statusCode())
          .as("%s %s as a stranger", row.method(), path)
          .isEqualTo(401);
    }
    // nothing of it moved money
    assertThat(
            call("GET", "/api/v1/wallet/balance", bob, null, null).json.get("available").asString())
        .isEqualTo("500.00000000");
  }

  @Test
  void aSignedCallReplayedOrWithAnotherBodyIsRefused() throws Exception {
    String path = "/api/v1/wallet/internal/holds/" + bob + "/auction-1";
    String body = "{\"amount\":\"10\"}";
    Map<String, String> headers =
        new java.util.HashMap<>(
            CALLERS
                .signer("auction-service")
                .headers(
                    "PUT",
                    URI.create("http://x" + path),
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    headers.put("Idempotency-Key", "k-" + UUID.randomUUID());
    assertThat(raw("PUT", path, "{\"amount\":\"400\"}", headers).statusCode())
        .as("another body")
        .isEqualTo(401);
    assertThat(raw("PUT", path, body, headers).statusCode()).as("as signed").isEqualTo(200);
    assertThat(raw("PUT", path, body, headers).statusCode()).as("replayed").isEqualTo(401);
    assertThat(call("GET", "/api/v1/wallet/balance", bob, null, null).json.get("held").asString())
        .isEqualTo("10.00000000");
  }

  private static boolean hasBody(String method) {
    return !"GET".equals(method) && !"DELETE".equals(method);
  }

  private HttpResponse<String> raw(
      String method, String path, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                hasBody(method)
                    ? HttpRequest.BodyPublishers.ofString(body)
                    : HttpRequest.BodyPublishers.noBody())
            .header("Content-Type", "application/json");
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void requestsWithoutAValidGatewayProofActAsNobody() throws Exception {
    HttpRequest forged =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/wallet/balance"))
            .header(IdentityHeaders.USER_ID, bob)
            .GET()
            .build();
    HttpResponse<String> response = http.send(forged, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
  }

  @Test
  void theDepositAddressIsStableAndOnTheConfiguredNetwork() throws Exception {
    Response first = call("GET", "/api/v1/wallet/deposit-address", bob, null, null);
    Response again = call("GET", "/api/v1/wallet/deposit-address", bob, null, null);
    assertThat(first.json.get("network").asString()).isEqualTo("regtest");
    String address = first.json.get("address").asString();
    assertThat(address).isEqualTo(again.json.get("address").asString());
    // Regtest P2PKH (version 0x6F) encodes to "m…" or "n…" depending on the hash; parsing checks
    // version and checksum.
    assertThat(DogecoinAddress.parseP2pkh(address, DogecoinNetwork.REGTEST).toBase58())
        .isEqualTo(address);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "malformed address        | not-an-address                     | 10          | 400 | invalid-address",
        "checksum broken          | mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oj | 10          | 400 | invalid-address",
        "wrong network            | "
            + MAINNET_ADDRESS
            + "           | 10          | 400 | wrong-network-address",
        "nine decimals            | "
            + REGTEST_ADDRESS
            + "           | 1.123456789 | 400 | invalid-amount",
        "zero                     | "
            + REGTEST_ADDRESS
            + "           | 0           | 400 | invalid-amount",
        "negative                 | "
            + REGTEST_ADDRESS
            + "           | -5          | 400 | invalid-amount",
        "below the minimum        | "
            + REGTEST_ADDRESS
            + "           | 0.5         | 400 | below-minimum",
        "above the balance        | "
            + REGTEST_ADDRESS
            + "           | 100         | 409 | insufficient-funds",
        "above the daily limit    | "
            + REGTEST_ADDRESS
            + "           | 301         | 422 | daily-limit-exceeded"
      })
  void badWithdrawalsAreRefusedAsProblemsAndHoldNothing(
      String why, String address, String amount, int status, String type) throws Exception {
    if ("above the balance".equals(why)) {
      // Within the daily limit but above what is available: bids hold 400 of the 500.
      assertThat(
              call(
                      "PUT",
                      "/api/v1/wallet/internal/holds/" + bob + "/auction-1",
                      null,
                      "hold-" + bob,
                      "{\"amount\":\"400\"}")
                  .status)
          .isEqualTo(200);
    }
    Response before = call("GET", "/api/v1/wallet/balance", bob, null, null);
    Response refused =
        call(
            "POST",
            "/api/v1/wallet/withdrawals",
            bob,
            "w-" + UUID.randomUUID(),
            body(address, amount));
    assertThat(refused.status).as(why).isEqualTo(status);
    assertThat(refused.contentType).startsWith("application/problem+json");
    assertThat(refused.json.get("type").asString()).isEqualTo("https://dbay.dev/problems/" + type);
    assertThat(refused.json.get("detail").asString()).isNotBlank();
    Response after = call("GET", "/api/v1/wallet/balance", bob, null, null);
    assertThat(after.json).isEqualTo(before.json);
  }

  @Test
  void aWithdrawalIsCreatedOnceForOneKeyAndOnlyItsOwnerSeesIt() throws Exception {
    String key = "w-" + UUID.randomUUID();
    Response created =
        call("POST", "/api/v1/wallet/withdrawals", bob, key, body(REGTEST_ADDRESS, "100"));
    Response repeated =
        call("POST", "/api/v1/wallet/withdrawals", bob, key, body(REGTEST_ADDRESS, "100"));
    assertThat(created.status).isEqualTo(201);
    assertThat(repeated.json.get("id")).isEqualTo(created.json.get("id"));
    assertThat(created.json.get("status").asString()).isEqualTo("APPROVED");
    assertThat(
            call("GET", "/api/v1/wallet/balance", bob, null, null).json.get("available").asString())
        .isEqualTo("399.90000000");

    Response reused =
        call("POST", "/api/v1/wallet/withdrawals", bob, key, body(REGTEST_ADDRESS, "101"));
    assertThat(reused.status).isEqualTo(422);
    assertThat(reused.json.get("type").asString()).endsWith("idempotency-key-reused");

    String id = created.json.get("id").asString();
    assertThat(call("GET", "/api/v1/wallet/withdrawals/" + id, bob, null, null).status)
        .isEqualTo(200);
    assertThat(
            call(
                    "GET",
                    "/api/v1/wallet/withdrawals/" + id,
                    "mallory-" + UUID.randomUUID(),
                    null,
                    null)
                .status)
        .isEqualTo(404);
  }

  @Test
  void aWithdrawalAboveTheThresholdWaitsForAnAdmin() throws Exception {
    Response created =
        call(
            "POST",
            "/api/v1/wallet/withdrawals",
            bob,
            "w-" + UUID.randomUUID(),
            body(REGTEST_ADDRESS, "200"));
    assertThat(created.json.get("status").asString()).isEqualTo("PENDING_APPROVAL");
    String id = created.json.get("id").asString();
    assertThat(
            call("POST", "/api/v1/wallet/admin/withdrawals/" + id + "/approve", bob, null, null)
                .status)
        .isEqualTo(403);
    Response rejected =
        callAs(
            "POST",
            "/api/v1/wallet/admin/withdrawals/" + id + "/reject",
            new Identity("admin-1", null, "admin", null, Set.of("ADMIN")),
            "{\"reason\":\"unusual\"}");
    assertThat(rejected.json.get("status").asString()).isEqualTo("REJECTED");
    assertThat(
            call("GET", "/api/v1/wallet/balance", bob, null, null).json.get("available").asString())
        .isEqualTo("500.00000000");
  }

  @Test
  void theSignerGetsOnePlanAndTheWalletKeepsOnlyTheFirstSignatureOfIt() throws Exception {
    String id =
        call(
                "POST",
                "/api/v1/wallet/withdrawals",
                bob,
                "w-" + UUID.randomUUID(),
                body(REGTEST_ADDRESS, "100"))
            .json
            .get("id")
            .asString();
    Response plan =
        call("POST", "/api/v1/wallet/internal/withdrawals/" + id + "/plan", null, null, "{}");
    assertThat(plan.json.get("status").asString()).isEqualTo("PLANNED");
    assertThat(plan.json.get("plan").get("outputs").get(0).get("amount").asString())
        .isEqualTo("100.00000000");
    assertThat(plan.json.get("plan").get("inputs").get(0).get("path").asString())
        .startsWith("m/44'/3'/0'/");
    assertThat(
            call("POST", "/api/v1/wallet/internal/withdrawals/" + id + "/plan", null, null, "{}")
                .json
                .get("plan"))
        .isEqualTo(plan.json.get("plan"));

    // the real blockchain-broadcaster over this HTTP API: it signs the plan with its seed, the
    // wallet keeps it
    BlockchainBroadcasterHandler signer =
        new BlockchainBroadcasterHandler(
            SIGNING_NEVER_BROADCASTS,
            new HttpWithdrawalWallet(
                "http://localhost:" + port, CALLERS.signer(HttpWithdrawalWallet.CALLER)),
            WithdrawalSigner.of(HdSigner.fromMnemonic(DevSigner.PHRASE, "", DevSigner.NETWORK)),
            new BlockchainBroadcasterHandler.Settings(60, 60, DevSigner.NETWORK));
    var signed =
        signer.handleRequest(
            new java.util.HashMap<>(java.util.Map.of("action", "sign", "withdrawalId", id)), null);
    String raw = (String) signed.get("rawTransaction");
    assertThat(
            signer.handleRequest(
                new java.util.HashMap<>(java.util.Map.of("action", "sign", "withdrawalId", id)),
                null))
        .isEqualTo(signed);

    Response same =
        call(
            "POST",
            "/api/v1/wallet/internal/withdrawals/" + id + "/signature",
            null,
            null,
            "{\"rawTransaction\":\"" + raw + "\"}");
    assertThat(same.status).isEqualTo(200);
    assertThat(same.json.get("txid").asString()).isEqualTo(signed.get("txid"));
    // another transaction (here: the same one with another lock time) is never kept beside it
    String other = raw.substring(0, raw.length() - 8) + "01000000";
    Response refused =
        call(
            "POST",
            "/api/v1/wallet/internal/withdrawals/" + id + "/signature",
            null,
            null,
            "{\"rawTransaction\":\"" + other + "\"}");
    assertThat(refused.status).isEqualTo(409);
    assertThat(refused.contentType).startsWith("application/problem+json");
    assertThat(refused.json.get("type").asString()).endsWith("/withdrawal-signed");
    assertThat(
            call("GET", "/api/v1/wallet/withdrawals/" + id, bob, null, null)
                .json
                .get("txid")
                .asString())
        .isEqualTo(signed.get("txid"));
    assertThat(call("GET", "/api/v1/wallet/internal/audit", null, null, null).status)
        .isEqualTo(200);
  }

  @Test
  void aTransactionThatIsNotThePlansIsRefusedAsAProblem() throws Exception {
    String id =
        call(
                "POST",
                "/api/v1/wallet/withdrawals",
                bob,
                "w-" + UUID.randomUUID(),
                body(REGTEST_ADDRESS, "20"))
            .json
            .get("id")
            .asString();
    Response early =
        call(
            "POST",
            "/api/v1/wallet/internal/withdrawals/" + id + "/signature",
            null,
            null,
            "{\"rawTransaction\":\"00ff\"}");
    assertThat(early.status).as("nothing planned yet").isEqualTo(409);
    call("POST", "/api/v1/wallet/internal/withdrawals/" + id + "/plan", null, null, "{}");
    Response garbage =
        call(
            "POST",
            "/api/v1/wallet/internal/withdrawals/" + id + "/signature",
            null,
            null,
            "{\"rawTransaction\":\"00ff\"}");
    assertThat(garbage.status).isEqualTo(400);
    assertThat(garbage.json.get("type").asString()).endsWith("/invalid-transaction");
    assertThat(
            call("GET", "/api/v1/wallet/withdrawals/" + id, bob, null, null)
                .json
                .get("status")
                .asString())
        .isEqualTo("PLANNED");
  }

  @Test
  void adminsListWithdrawalsByStatusAndOthersMayNot() throws Exception {
    Identity admin = new Identity("admin-1", null, "admin", null, Set.of("ADMIN"));
    String id =
        call(
                "POST",
                "/api/v1/wallet/withdrawals",
                bob,
                "w-" + UUID.randomUUID(),
                body(REGTEST_ADDRESS, "200"))
            .json
            .get("id")
            .asString();
    Response pending =
        callAs(
            "GET", "/api/v1/wallet/admin/withdrawals?status=PENDING_APPROVAL&limit=500", admin, "");
    assertThat(pending.status).isEqualTo(200);
    assertThat(pending.json.valueStream().map(w -> w.get("id").asString())).contains(id);
    assertThat(callAs("GET", "/api/v1/wallet/admin/withdrawals?status=stuck", admin, "").status)
        .isEqualTo(200);
    assertThat(call("GET", "/api/v1/wallet/admin/withdrawals?status=STUCK", bob, null, null).status)
        .isEqualTo(403);
    Response bad = callAs("GET", "/api/v1/wallet/admin/withdrawals?status=LOST", admin, "");
    assertThat(bad.status).isEqualTo(400);
    assertThat(bad.json.get("type").asString()).endsWith("/invalid-status");
  }

  @Test
  void aBatchOfHoldsAnswersEachItemOnItsOwnRepeatsByKeyAndAMalformedBatchWritesNothing()
      throws Exception {
    String path = "/api/v1/wallet/internal/holds/batch";
    String body =
        "{\"items\":["
            + item(bob, "auction-b1", "300", "hb1-" + bob)
            + ","
            + item(bob, "auction-b2", "300", "hb2-" + bob)
            + ","
            + item(bob, "auction-b3", "0", "hb3-" + bob)
            + "]}";
    for (int attempt = 0; attempt < 2; attempt++) {
      Response answer = call("POST", path, null, null, body);
      assertThat(answer.status).as("attempt %d", attempt).isEqualTo(200);
      JsonNode results = answer.json.get("results");
      assertThat(results.get(0).get("outcome").asString()).isEqualTo("HELD");
      assertThat(results.get(0).get("amount").asString()).isEqualTo("300.00000000");
      assertThat(results.get(1).get("outcome").asString()).isEqualTo("INSUFFICIENT_FUNDS");
      assertThat(results.get(1).get("problem").asString()).isEqualTo("insufficient-funds");
      assertThat(results.get(2).get("outcome").asString()).isEqualTo("HELD");
      assertThat(results.get(2).get("amount").asString()).isEqualTo("0.00000000");
      Response balance = call("GET", "/api/v1/wallet/balance", bob, null, null);
      assertThat(balance.json.get("available").asString()).isEqualTo("200.00000000");
      assertThat(balance.json.get("held").asString()).isEqualTo("300.00000000");
    }

    for (String malformed :
        List.of(
            "{}",
            "{\"items\":[]}",
            "{\"items\":[" + item(bob, "auction-b4", "-1", "hb4-" + bob) + "]}",
            "{\"items\":[" + item(bob, "auction-b5", "1.123456789", "hb5-" + bob) + "]}",
            "{\"items\":["
                + item(bob, "auction-b6", "1", "hb6-" + bob)
                + ","
                + item(bob, "auction-b6", "2", "hb7-" + bob)
                + "]}",
            "{\"items\":[" + item(bob, "auction-b8", "1", "") + "]}")) {
      Response refused = call("POST", path, null, null, malformed);
      assertThat(refused.status).as(malformed).isEqualTo(400);
      assertThat(refused.contentType).startsWith("application/problem+json");
    }
    Response balance = call("GET", "/api/v1/wallet/balance", bob, null, null);
    assertThat(balance.json.get("available").asString()).isEqualTo("200.00000000");
  }

  private static String item(String user, String reference, String amount, String key) {
    return "{\"userId\":\""
        + user
        + "\",\"reference\":\""
        + reference
        + "\",\"amount\":\""
        + amount
        + "\",\"idempotencyKey\":\""
        + key
        + "\"}";
  }

  @Test
  void aWithdrawalWithoutAnIdempotencyKeyIsRefused() throws Exception {
    Response refused =
        call("POST", "/api/v1/wallet/withdrawals", bob, null, body(REGTEST_ADDRESS, "10"));
    assertThat(refused.status).isEqualTo(400);
    assertThat(refused.json.get("type").asString()).endsWith("idempotency-key-required");
  }

  @Test
  void aSuspendedAccountMovesNoMoneyEvenWithAValidProofUntilItIsReinstated() throws Exception {
    // user-service's event, on the same bus the wallet's subscriber reads.
    bus.publish(
        EventEnvelope.create(
            "dbay.user",
            "UserSuspended",
            json.valueToTree(
                java.util.Map.of(
                    "userId", bob, "suspendedAt", java.time.Instant.now().toString()))));
    // Wait for the event with a withdrawal that could never move money (far above the balance):
    // until the suspension arrives it is refused for want of funds, afterwards as suspended.
    eventually(
        () ->
            call(
                "POST",
                "/api/v1/wallet/withdrawals",
                bob,
                "w-" + UUID.randomUUID(),
                body(REGTEST_ADDRESS, "1000000")),
        r -> r.status == 403);
    Response refused =
        call(
            "POST",
            "/api/v1/wallet/withdrawals",
            bob,
            "w-" + UUID.randomUUID(),
            body(REGTEST_ADDRESS, "10"));

    assertThat(refused.status).isEqualTo(403);
    assertThat(refused.contentType).startsWith("application/problem+json");
    assertThat(refused.json.get("type").asString())
        .isEqualTo("https://dbay.dev/problems/account-suspended");
    Response hold =
        call(
            "PUT",
            "/api/v1/wallet/internal/holds/" + bob + "/auction-s",
            null,
            "hs-" + bob,
            "{\"amount\":\"10\"}");
    assertThat(hold.status).as("a hold as bidder").isEqualTo(403);
    Response batch =
        call(
            "POST",
            "/api/v1/wallet/internal/holds/batch",
            null,
            null,
            "{\"items\":["
                + item(bob, "auction-s", "10", "hbs-" + bob)
                + ","
                + item(bob, "auction-s2", "0", "hbs2-" + bob)
                + "]}");
    assertThat(batch.status).isEqualTo(200);
    assertThat(batch.json.get("results").get(0).get("outcome").asString())
        .as("a raise in a batch as bidder")
        .isEqualTo("SUSPENDED");
    assertThat(batch.json.get("results").get(1).get("outcome").asString())
        .as("a release stays possible")
        .isEqualTo("HELD");
    Response buyNow =
        call(
            "POST",
            "/api/v1/wallet/internal/escrows",
            null,
            "es-" + bob,
            "{\"orderId\":\"order-s-"
                + bob
                + "\",\"buyerId\":\""
                + bob
                + "\",\"sellerId\":\"s-"
                + bob
                + "\",\"amount\":\"10\"}");
    assertThat(buyNow.status).as("paying as buyer from available").isEqualTo(403);
    assertThat(
            call("GET", "/api/v1/wallet/balance", bob, null, null).json.get("available").asString())
        .isEqualTo("500.00000000");

    bus.publish(
        EventEnvelope.create(
            "dbay.user",
            "UserReinstated",
            json.valueToTree(
                java.util.Map.of(
                    "userId",
                    bob,
                    "reinstatedAt",
                    java.time.Instant.now().plusMillis(1).toString()))));
    Response allowed =
        eventually(
            () ->
                call(
                    "POST",
                    "/api/v1/wallet/withdrawals",
                    bob,
                    "w-" + UUID.randomUUID(),
                    body(REGTEST_ADDRESS, "10")),
            r -> r.status == 201);
    assertThat(allowed.status).isEqualTo(201);
  }

  interface Call {
    Response run() throws Exception;
  }

  /** Repeats {@code call} until {@code done} or 10 s: events reach the wallet asynchronously. */
  private static Response eventually(Call call, java.util.function.Predicate<Response> done)
      throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    Response last = call.run();
    while (!done.test(last) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      last = call.run();
    }
    return last;
  }

  @Test
  void holdsAndEscrowThroughTheInternalApiShowOnTheStatement() throws Exception {
    String seller = "seller-" + UUID.randomUUID();
    assertThat(
            call(
                    "PUT",
                    "/api/v1/wallet/internal/holds/" + bob + "/auction-7",
                    null,
                    "h1-" + bob,
                    "{\"amount\":\"120\"}")
                .status)
        .isEqualTo(200);
    assertThat(
            call(
                    "PUT",
                    "/api/v1/wallet/internal/holds/" + bob + "/auction-7",
                    null,
                    "h2-" + bob,
                    "{\"amount\":\"150\"}")
                .status)
        .isEqualTo(200);
    Response tooMuch =
        call(
            "PUT",
            "/api/v1/wallet/internal/holds/" + bob + "/auction-8",
            null,
            "h3-" + bob,
            "{\"amount\":\"350.00000001\"}");
    assertThat(tooMuch.status).isEqualTo(409);
    assertThat(tooMuch.json.get("type").asString()).endsWith("insufficient-funds");
    Response escrow =
        call(
            "POST",
            "/api/v1/wallet/internal/escrows",
            null,
            "e1-" + bob,
            "{\"orderId\":\"order-"
                + bob
                + "\",\"buyerId\":\""
                + bob
                + "\",\"sellerId\":\""
                + seller
                + "\",\"amount\":\"140\",\"holdReference\":\"auction-7\"}");
    assertThat(escrow.status).isEqualTo(201);
    Response released =
        call(
            "POST",
            "/api/v1/wallet/internal/escrows/order-" + bob + "/release",
            null,
            "r1-" + bob,
            null);
    assertThat(released.json.get("sellerPayout").asString()).isEqualTo("136.50000000");
    assertThat(released.json.get("fee").asString()).isEqualTo("3.50000000");
    assertThat(
            call("GET", "/api/v1/wallet/balance", seller, null, null)
                .json
                .get("available")
                .asString())
        .isEqualTo("136.50000000");
    // The settlement is an event in the same transaction, for notifications and orders.
    assertThat(
            jdbc.queryForList(
                "select source || ' ' || detail_type from platform_outbox where detail like ?",
                String.class,
                "%\"orderId\":\"order-" + bob + "\"%"))
        .containsExactly("dbay.wallet EscrowSettled");

    Response statement = call("GET", "/api/v1/wallet/statement?limit=3", bob, null, null);
    JsonNode items = statement.json.get("items");
    assertThat(items).hasSize(3);
    assertThat(items.get(0).get("type").asString()).isEqualTo("ESCROW_RELEASED");
    assertThat(items.get(0).get("reference").asString()).isEqualTo("order:order-" + bob);
    assertThat(items.get(0).get("balanceAfter").asString()).isEqualTo("0.00000000");
    Response next =
        call(
            "GET",
            "/api/v1/wallet/statement?limit=3&cursor="
                + statement.json.get("nextCursor").asString(),
            bob,
            null,
            null);
    assertThat(next.json.get("items").get(0).get("id").asLong())
        .isLessThan(items.get(2).get("id").asLong());
    assertThat(call("GET", "/api/v1/wallet/internal/audit", null, null, null).status)
        .isEqualTo(200);
  }

  /**
   * Percent in, koinu out, over HTTP: the expected figures are worked out by hand from the rules,
   * not by the wallet.
   */
  @ParameterizedTest(name = "{0}% of 100.00000001 DOGE")
  @CsvSource({
    // buyerPercent, buyerRefund (ceil to the koinu), sellerPayout, fee (2.5% of the seller's part,
    // ceil)
    "33.33, 33.33000001, 65.00325000, 1.66675000",
    "0, 0.00000000, 97.50000000, 2.50000001",
    "100, 100.00000001, 0.00000000, 0.00000000",
    "0.01, 0.01000001, 97.49025000, 2.49975000",
    "99.99, 99.99000001, 0.00975000, 0.00025000"
  })
  void aSplitPaysTheBuyersPercentRoundedUpAndTheSellerTheRestMinusTheFee(
      String percent, String refund, String payout, String fee) throws Exception {
    String seller = "seller-" + UUID.randomUUID();
    String order = "split-" + UUID.randomUUID();
    Response escrow =
        call(
            "POST",
            "/api/v1/wallet/internal/escrows",
            null,
            "e-" + order,
            "{\"orderId\":\""
                + order
                + "\",\"buyerId\":\""
                + bob
                + "\",\"sellerId\":\""
                + seller
                + "\",\"amount\":\"100.00000001\"}");
    assertThat(escrow.status).as(escrow.json.toString()).isEqualTo(201);

    Response split =
        call(
            "POST",
            "/api/v1/wallet/internal/escrows/" + order + "/split",
            null,
            "s-" + order,
            "{\"buyerPercent\":\"" + percent + "\"}");

    assertThat(split.status).as(split.json.toString()).isEqualTo(200);
    assertThat(split.json.get("status").asString()).isEqualTo("SPLIT");
    assertThat(split.json.get("buyerRefund").asString()).isEqualTo(refund);
    assertThat(split.json.get("sellerPayout").asString()).isEqualTo(payout);
    assertThat(split.json.get("fee").asString()).isEqualTo(fee);
    assertThat(
            call("GET", "/api/v1/wallet/balance", seller, null, null)
                .json
                .get("available")
                .asString())
        .isEqualTo(payout);
    assertThat(
            call("GET", "/api/v1/wallet/balance", bob, null, null).json.get("available").asString())
        .isEqualTo(Doge.parse("399.99999999").plus(Doge.parse(refund)).toString());
  }

  @ParameterizedTest
  @CsvSource({"12.345", "100.01", "-1", "1e2", "fifty"})
  void aSplitPercentThatIsNotZeroToHundredWithTwoDecimalsIsRefusedAndSettlesNothing(String percent)
      throws Exception {
    String order = "badsplit-" + UUID.randomUUID();
    assertThat(
            call(
                    "POST",
                    "/api/v1/wallet/internal/escrows",
                    null,
                    "e-" + order,
                    "{\"orderId\":\""
                        + order
                        + "\",\"buyerId\":\""
                        + bob
                        + "\",\"sellerId\":\"s-"
                        + order
                        + "\",\"amount\":\"10\"}")
                .status)
        .isEqualTo(201);

    Response split =
        call(
            "POST",
            "/api/v1/wallet/internal/escrows/" + order + "/split",
            null,
            "s-" + order,
            "{\"buyerPercent\":\"" + percent + "\"}");

    assertThat(split.status).isEqualTo(400);
    assertThat(split.json.get("type").asString()).endsWith("/invalid-split");
    assertThat(split.json.get("errors").get(0).get("field").asString()).isEqualTo("buyerPercent");
    assertThat(call("GET", "/api/v1/wallet/balance", bob, null, null).json.get("escrow").asString())
        .isEqualTo("10.00000000");
  }

  private static String body(String address, String amount) {
    return "{\"address\":\"" + address + "\",\"amount\":\"" + amount + "\"}";
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  record Response(int status, String contentType, JsonNode json) {}

  private Response call(String method, String path, String user, String idempotencyKey, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (user != null) {
      sign(request, method, path, new Identity(user, null, user, null, Set.of("USER")));
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    if (path.startsWith("/api/v1/wallet/internal/")) {
      // as a part the endpoint table allows on this call
      CALLERS.headersFor(method, path, body).forEach(request::header);
    }
    return send(request);
  }

  private Response callAs(String method, String path, Identity identity, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    sign(request, method, path, identity);
    return send(request);
  }

  private void sign(HttpRequest.Builder request, String method, String path, Identity identity) {
    long now = proof.now();
    request
        .header(IdentityHeaders.USER_ID, identity.userId())
        .header(IdentityHeaders.COGNITO_USERNAME, identity.username())
        .header(IdentityHeaders.ROLES, String.join(",", identity.roles()))
        .header(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now))
        .header(IdentityHeaders.PROOF_SIGNATURE, proof.sign(identity, method, path, now));
  }

  private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode node = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    return new Response(
        response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), node);
  }
}
