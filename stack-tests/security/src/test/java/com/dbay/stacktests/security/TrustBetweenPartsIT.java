package com.dbay.stacktests.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.servicecall.InternalEndpoints;
import com.dbay.platform.servicecall.ServiceCallSigner;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue #9's attacks on the parts behind the gateway, replayed against the running stack. Each must
 * fail: the internal APIs without credentials or with another part's, the gateway proof minted with
 * the committed development secret, an anonymous call to the serverless runtime, and any part but
 * the gateway reachable beyond loopback.
 */
class TrustBetweenPartsIT {

  /**
   * The development secret committed in the source (platform starter, gateway): anybody can read
   * it.
   */
  static final String COMMITTED_GATEWAY_SECRET =
      "dbay-dev-gateway-secret-not-for-production-0123456789";

  private final Stack stack = Stack.fromEnvironment();

  private static String concrete(String template) {
    return template.replaceAll("\\{[^}]+}", "sec-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static boolean hasBody(String method) {
    return !method.equals("GET") && !method.equals("DELETE");
  }

  @Test
  void everyInternalEndpointRefusesAnonymousCallersAndPartsNotOnItsList() {
    List<InternalEndpoints.Endpoint> rows = InternalEndpoints.all();
    assertThat(rows).isNotEmpty();
    Set<String> parts = new TreeSet<>();
    rows.forEach(r -> parts.addAll(r.callers()));
    List<String> accepted = new ArrayList<>();
    int checks = 0;
    for (InternalEndpoints.Endpoint row : rows) {
      String path = concrete(row.path());
      URI uri = stack.part(row.part(), path);
      String body =
          hasBody(row.method())
              ? "{\"amount\":\"1000\",\"txid\":\""
                  + "ab".repeat(32)
                  + "\",\"vout\":0,\"address\":\"mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi\","
                  + "\"blockHash\":\"b\",\"blockHeight\":1,\"confirmations\":6,\"buyerId\":\"u1\",\"sellerId\":\"u2\",\"orderId\":\"o1\"}"
              : null;
      Map<String, String> anonymous =
          Map.of("Idempotency-Key", "sec-" + UUID.randomUUID(), "X-Caller-Service", "admin");
      HttpResponse<String> noCredentials = Stack.send(row.method(), uri, body, anonymous);
      checks++;
      if (noCredentials.statusCode() != 401 && noCredentials.statusCode() != 403) {
        accepted.add(
            row.method()
                + " "
                + path
                + " without credentials -> "
                + noCredentials.statusCode()
                + " "
                + noCredentials.body());
      }
      for (String other : parts) {
        if (row.callers().contains(other)) {
          continue;
        }
        ServiceCallSigner signer =
            new ServiceCallSigner(other, stack.callerKey(other), Clock.systemUTC());
        Map<String, String> headers =
            new HashMap<>(
                signer.headers(
                    row.method(),
                    uri,
                    body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
        headers.put("Idempotency-Key", "sec-" + UUID.randomUUID());
        HttpResponse<String> wrongPart = Stack.send(row.method(), uri, body, headers);
        checks++;
        // Each part holds only the keys of the parts allowed to call it: another part's signature
        // is unknown to it (401 caller-unauthenticated) unless that part may call one of its other
        // endpoints (403 caller-forbidden). Either is a refusal; anything else is not.
        boolean refused =
            (wrongPart.statusCode() == 401
                    && wrongPart.body().contains("/problems/caller-unauthenticated"))
                || (wrongPart.statusCode() == 403
                    && wrongPart.body().contains("/problems/caller-forbidden"));
        if (!refused) {
          accepted.add(
              row.method()
                  + " "
                  + path
                  + " as "
                  + other
                  + " -> "
                  + wrongPart.statusCode()
                  + " "
                  + wrongPart.body());
        }
      }
    }
    System.out.printf("%d internal endpoints, %d refused attempts%n", rows.size(), checks);
    assertThat(accepted).as("calls that should have been refused").isEmpty();
  }

  @Test
  void attack1_theWalletsInternalApiCannotBeUsedWithoutAPartsKey() {
    String victim = "sec-victim-" + UUID.randomUUID();
    Map<String, String> claimed =
        Map.of(
            "Idempotency-Key", "sec-" + UUID.randomUUID(), "X-Caller-Service", "auction-service");
    assertThat(
            Stack.send(
                    "PUT",
                    stack.part("wallet-service", "/api/v1/wallet/internal/holds/" + victim + "/a1"),
                    "{\"amount\":\"5\"}",
                    claimed)
                .statusCode())
        .as("a hold on anyone")
        .isEqualTo(401);
    assertThat(
            Stack.send(
                    "POST",
                    stack.part("wallet-service", "/api/v1/wallet/internal/escrows"),
                    "{\"orderId\":\"o-"
                        + UUID.randomUUID()
                        + "\",\"buyerId\":\""
                        + victim
                        + "\",\"sellerId\":\"thief\",\"amount\":\"5\"}",
                    claimed)
                .statusCode())
        .as("an escrow from someone to someone else")
        .isEqualTo(401);
    assertThat(
            Stack.send(
                    "POST",
                    stack.part("wallet-service", "/api/v1/wallet/internal/deposits"),
                    "{\"txid\":\""
                        + "cd".repeat(32)
                        + "\",\"vout\":0,\"address\":\"mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi\",\"amount\":\"1000\",\"blockHash\":\"b\",\"blockHeight\":1}",
                    Map.of("X-Caller-Service", "deposit-watcher"))
                .statusCode())
        .as("a made-up deposit")
        .isEqualTo(401);
    assertThat(
            Stack.send(
                    "POST",
                    stack.part(
                        "wallet-service",
                        "/api/v1/wallet/internal/deposits/" + "cd".repeat(32) + "/0/confirmations"),
                    "{\"confirmations\":6}",
                    Map.of("X-Caller-Service", "deposit-watcher"))
                .statusCode())
        .as("made-up confirmations")
        .isEqualTo(401);
  }

  /**
   * Issue #9 item 1 with the deposit-watcher's real key (a compromised watcher): the wallet asks
   * its own node and credits nothing that is not on chain.
   */
  @Test
  void attack1_evenTheDepositWatchersOwnKeyCannotCreditADepositThatIsNotOnChain()
      throws IOException {
    GatewayProof proof = new GatewayProof(Files.readString(stack.secret("gateway-secret")).strip());
    String user = "sec-mallory-" + UUID.randomUUID();
    Identity mallory = new Identity(user, null, user, user + "@demo.dbay", Set.of("USER"));
    java.util.function.BiFunction<String, String, Map<String, String>> as =
        (method, path) -> {
          long now = proof.now();
          return Map.of(
              IdentityHeaders.USER_ID,
              user,
              IdentityHeaders.COGNITO_USERNAME,
              user,
              IdentityHeaders.COGNITO_EMAIL,
              mallory.email(),
              IdentityHeaders.ROLES,
              "USER",
              IdentityHeaders.PROOF_TIMESTAMP,
              Long.toString(now),
              IdentityHeaders.PROOF_SIGNATURE,
              proof.sign(mallory, method, path, now));
        };
    HttpResponse<String> address =
        Stack.send(
            "GET",
            stack.part("wallet-service", "/api/v1/wallet/deposit-address"),
            null,
            as.apply("GET", "/api/v1/wallet/deposit-address"));
    assertThat(address.statusCode()).as(address.body()).isEqualTo(200);
    String to = address.body().replaceAll("(?s).*\"address\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    String txid = UUID.randomUUID().toString().replace("-", "").repeat(2);
    ServiceCallSigner watcher =
        new ServiceCallSigner(
            "deposit-watcher", stack.callerKey("deposit-watcher"), Clock.systemUTC());

    URI seen = stack.part("wallet-service", "/api/v1/wallet/internal/deposits");
    String report =
        "{\"txid\":\""
            + txid
            + "\",\"vout\":0,\"address\":\""
            + to
            + "\",\"amount\":\"1000\",\"blockHash\":\""
            + "00".repeat(32)
            + "\",\"blockHeight\":1}";
    HttpResponse<String> fake =
        Stack.send(
            "POST",
            seen,
            report,
            watcher.headers("POST", seen, report.getBytes(StandardCharsets.UTF_8)));
    assertThat(fake.statusCode()).as(fake.body()).isEqualTo(409);
    assertThat(fake.body()).contains("deposit-not-on-chain");

    URI confirmations =
        stack.part(
            "wallet-service", "/api/v1/wallet/internal/deposits/" + txid + "/0/confirmations");
    String six = "{\"confirmations\":6}";
    HttpResponse<String> deep =
        Stack.send(
            "POST",
            confirmations,
            six,
            watcher.headers("POST", confirmations, six.getBytes(StandardCharsets.UTF_8)));
    assertThat(deep.statusCode()).as("nothing was recorded to confirm").isEqualTo(404);

    HttpResponse<String> balance =
        Stack.send(
            "GET",
            stack.part("wallet-service", "/api/v1/wallet/balance"),
            null,
            as.apply("GET", "/api/v1/wallet/balance"));
    assertThat(balance.body())
        .contains("\"available\":\"0.00000000\"")
        .contains("\"pending\":\"0.00000000\"");
  }

  @Test
  void attack2_aProofMintedWithTheCommittedSecretIsWorthNothing() throws IOException {
    assertThat(Files.readString(stack.secret("gateway-secret")).strip())
        .as("the stack's own gateway secret")
        .isNotEqualTo(COMMITTED_GATEWAY_SECRET)
        .hasSizeGreaterThanOrEqualTo(32);
    GatewayProof minted = new GatewayProof(COMMITTED_GATEWAY_SECRET);
    Identity admin = new Identity("1", null, "admin", "admin@demo.dbay", Set.of("USER", "ADMIN"));
    List<String> accepted = new ArrayList<>();
    for (String[] target :
        new String[][] {
          {"wallet-service", "GET", "/api/v1/wallet/balance"},
          {"wallet-service", "GET", "/api/v1/wallet/admin/withdrawals"},
          {"user-service", "GET", "/api/v1/user/users/me/"}
        }) {
      long now = minted.now();
      Map<String, String> headers =
          Map.of(
              IdentityHeaders.USER_ID,
              admin.userId(),
              IdentityHeaders.COGNITO_USERNAME,
              admin.username(),
              IdentityHeaders.COGNITO_EMAIL,
              admin.email(),
              IdentityHeaders.ROLES,
              "ADMIN,USER",
              IdentityHeaders.PROOF_TIMESTAMP,
              Long.toString(now),
              IdentityHeaders.PROOF_SIGNATURE,
              minted.sign(admin, target[1], target[2], now));
      HttpResponse<String> response =
          Stack.send(
              target[1],
              stack.part(
                  target[0],
                  target[2] + (target[2].endsWith("withdrawals") ? "?status=STUCK" : "")),
              null,
              headers);
      if (response.statusCode() < 400) {
        accepted.add(target[0] + " " + target[2] + " -> " + response.statusCode());
      }
    }
    assertThat(accepted)
        .as("services that believed a proof minted with the committed secret")
        .isEmpty();
  }

  @Test
  void attack3_theServerlessRuntimeServesNobodyWithoutItsCredentials() {
    URI invoke =
        stack.part(
            "serverless-runtime", "/2015-03-31/functions/blockchain-broadcaster/invocations");
    HttpResponse<String> anonymous =
        Stack.send("POST", invoke, "{\"action\":\"sign\",\"withdrawalId\":\"1\"}", Map.of());
    assertThat(anonymous.statusCode()).isEqualTo(403);
    assertThat(anonymous.body())
        .contains("MissingAuthenticationTokenException")
        .doesNotContain("rawTransaction");
    HttpResponse<String> forged =
        Stack.send(
            "POST",
            invoke,
            "{\"action\":\"sign\",\"withdrawalId\":\"1\"}",
            Map.of(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=local/20261203/local/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                    + "0".repeat(64),
                "X-Amz-Date",
                "20261203T000000Z"));
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> listed =
        Stack.send(
            "POST",
            stack.part("serverless-runtime", "/"),
            "{}",
            Map.of(
                "X-Amz-Target",
                "AWSStepFunctions.ListStateMachines",
                "Content-Type",
                "application/x-amz-json-1.0"));
    assertThat(listed.statusCode()).isEqualTo(403);
  }

  @Test
  void noPartButTheGatewayIsReachableBeyondLoopbackAndTheGatewayOnlyWhenAskedTo()
      throws IOException {
    List<InetAddress> outside = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        Collections.list(nic.getInetAddresses()).stream()
            .filter(a -> a instanceof Inet4Address)
            .forEach(outside::add);
      }
    }
    List<String> open = new ArrayList<>();
    boolean publicGateway =
        System.getenv("DBAY_PUBLIC_BIND") != null
            && !System.getenv("DBAY_PUBLIC_BIND").startsWith("127.");
    for (Map.Entry<String, Integer> part : stack.parts().entrySet()) {
      if (part.getKey().equals("gateway") && publicGateway) {
        continue;
      }
      for (InetAddress address : outside) {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(address, part.getValue()), 500);
          open.add(part.getKey() + " on " + address.getHostAddress() + ":" + part.getValue());
        } catch (IOException refused) {
          // what we want
        }
      }
    }
    System.out.printf("checked %d parts on %s%n", stack.parts().size(), outside);
    assertThat(open).as("parts reachable beyond loopback").isEmpty();
  }

  @Test
  void theSecretsAreReadableByTheirOwnerOnly() throws IOException {
    Path dir = stack.state.resolve("secrets");
    assertThat(Files.getPosixFilePermissions(dir))
        .containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    List<String> readableByOthers = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f -> {
                try {
                  Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(f);
                  if (permissions.stream()
                      .anyMatch(
                          p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                    readableByOthers.add(f + " " + permissions);
                  }
                } catch (IOException e) {
                  readableByOthers.add(f + " " + e);
                }
              });
    }
    assertThat(readableByOthers).isEmpty();
  }
}
