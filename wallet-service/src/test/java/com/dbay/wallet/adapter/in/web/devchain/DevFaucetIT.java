package com.dbay.wallet.adapter.in.web.devchain;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.dogecoin.DecodedTransaction;
import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.wallet.DevNodeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's faucet button against a real dev node: pays only the caller's own deposit address,
 * a few times per window.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dbay.identity.gateway-secret=dev-faucet-it-secret-0123456789abcdef",
      "dbay.wallet.dev-faucet.enabled=true",
      "dbay.wallet.dev-faucet.per-window=2",
      "dbay.wallet.dev-faucet.max-amount=500"
    })
class DevFaucetIT {

  private static final String SECRET = "dev-faucet-it-secret-0123456789abcdef";
  private static DevNodeProcess node;

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  private final HttpClient http = HttpClient.newHttpClient();
  private final GatewayProof proof = new GatewayProof(SECRET);

  @DynamicPropertySource
  static void chain(DynamicPropertyRegistry registry) throws IOException {
    node = DevNodeProcess.start(Files.createTempDirectory("faucet-chain"), "devnode-faucet-it.log");
    registry.add("dbay.wallet.chain.rpc-url", node::url);
  }

  @AfterAll
  static void stopNode() {
    node.stop();
  }

  @Test
  void theChainEndpointSaysTheFaucetIsThere() throws Exception {
    JsonNode chain = call("GET", "/api/v1/wallet/chain", null, null).json;
    assertThat(chain.get("network").asString()).isEqualTo("regtest");
    assertThat(chain.get("devFaucet").asBoolean()).isTrue();
  }

  @Test
  void theFaucetPaysTheCallersOwnDepositAddressOnTheDevChain() throws Exception {
    String user = "faucet-" + UUID.randomUUID();
    String address =
        call("GET", "/api/v1/wallet/deposit-address", user, null).json.get("address").asString();

    // An address in the body is ignored: the faucet never pays anyone but the caller.
    Response paid =
        call(
            "POST",
            "/api/v1/wallet/dev/faucet",
            user,
            "{\"amount\":\"25\",\"address\":\"mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi\"}");

    assertThat(paid.status).isEqualTo(202);
    assertThat(paid.json.get("address").asString()).isEqualTo(address);
    assertThat(paid.json.get("amount").asString()).isEqualTo("25.00000000");
    String txid = paid.json.get("txid").asString();
    assertThat(node.rpc().getRawMempool()).contains(txid);
    DecodedTransaction tx = node.rpc().getRawTransaction(txid).transaction();
    assertThat(tx.outputs())
        .anySatisfy(
            o -> {
              assertThat(o.address().toBase58()).isEqualTo(address);
              assertThat(o.value()).isEqualTo(2_500_000_000L);
            });
  }

  @Test
  void theFaucetRefusesMoreThanItsMaximumAndChangesNothing() throws Exception {
    String user = "faucet-" + UUID.randomUUID();
    int before = node.rpc().getRawMempool().size();
    Response refused = call("POST", "/api/v1/wallet/dev/faucet", user, "{\"amount\":\"5000\"}");
    assertThat(refused.status).isEqualTo(400);
    assertThat(refused.json.get("detail").asString()).contains("at most 500.00000000 DOGE");
    assertThat(node.rpc().getRawMempool()).hasSize(before);
  }

  @Test
  void theFaucetPaysAFewTimesPerWindowThenAnswers429() throws Exception {
    String user = "faucet-" + UUID.randomUUID();
    assertThat(call("POST", "/api/v1/wallet/dev/faucet", user, "{\"amount\":\"1\"}").status)
        .isEqualTo(202);
    assertThat(call("POST", "/api/v1/wallet/dev/faucet", user, "{\"amount\":\"1\"}").status)
        .isEqualTo(202);
    Response third = call("POST", "/api/v1/wallet/dev/faucet", user, "{\"amount\":\"1\"}");
    assertThat(third.status).isEqualTo(429);
    assertThat(third.json.get("detail").asString()).contains("2 times per 10 minutes");
    // Another user is not affected by the first one's presses.
    assertThat(
            call(
                    "POST",
                    "/api/v1/wallet/dev/faucet",
                    "faucet-" + UUID.randomUUID(),
                    "{\"amount\":\"1\"}")
                .status)
        .isEqualTo(202);
  }

  @Test
  void theFaucetNeedsASignedInUser() throws Exception {
    assertThat(call("POST", "/api/v1/wallet/dev/faucet", null, "{\"amount\":\"1\"}").status)
        .isEqualTo(401);
  }

  private Response call(String method, String path, String user, String body)
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
      Identity identity = new Identity(user, null, user, null, Set.of("USER"));
      long now = proof.now();
      request
          .header(IdentityHeaders.USER_ID, identity.userId())
          .header(IdentityHeaders.COGNITO_USERNAME, identity.username())
          .header(IdentityHeaders.ROLES, String.join(",", identity.roles()))
          .header(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now))
          .header(IdentityHeaders.PROOF_SIGNATURE, proof.sign(identity, method, path, now));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(),
        response.body().isEmpty() ? json.nullNode() : json.readTree(response.body()));
  }

  record Response(int status, JsonNode json) {}
}
