package com.dbay.dogecoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.dogecoin.BlockCodec;
import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.platform.money.Doge;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client against a scripted HTTP peer: request shape, error mapping, timeouts and the raw-block
 * fallback.
 */
class DogecoinRpcClientTest {

  final JsonMapper json = JsonMapper.builder().build();
  final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  final Map<String, String> authHeaders = new ConcurrentHashMap<>();
  HttpServer server;

  /** Starts a peer answering each request with (status, body) from {@code answer}. */
  DogecoinRpcClient peer(Function<JsonNode, Object[]> answer, Duration timeout) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          try (ex) {
            JsonNode req = json.readTree(ex.getRequestBody());
            requests.add(req);
            authHeaders.put(
                req.path("method").asString(), ex.getRequestHeaders().getFirst("Authorization"));
            Object[] a = answer.apply(req);
            byte[] body = ((String) a[1]).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders((Integer) a[0], body.length);
            ex.getResponseBody().write(body);
          } catch (RuntimeException e) {
            ex.sendResponseHeaders(599, -1);
          }
        });
    server.start();
    return new DogecoinRpcClient(
        new RpcConfig(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
            "rpcuser",
            "secret",
            DogecoinNetwork.REGTEST,
            Duration.ofSeconds(1),
            timeout));
  }

  static Object[] ok(String resultJson) {
    return new Object[] {200, "{\"result\":" + resultJson + ",\"error\":null,\"id\":\"x\"}"};
  }

  static Object[] err(int status, int code, String message) {
    return new Object[] {
      status,
      "{\"result\":null,\"error\":{\"code\":"
          + code
          + ",\"message\":\""
          + message
          + "\"},\"id\":\"x\"}"
    };
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void sendsJsonRpc10WithBasicAuthAndPositionalParams() throws IOException {
    DogecoinRpcClient rpc = peer(r -> ok("\"00ab\""), Duration.ofSeconds(2));
    assertThat(rpc.getBlockHash(42)).isEqualTo("00ab");
    JsonNode req = requests.getFirst();
    assertThat(req.path("jsonrpc").asString()).isEqualTo("1.0");
    assertThat(req.path("method").asString()).isEqualTo("getblockhash");
    assertThat(req.path("params").get(0).asLong()).isEqualTo(42);
    assertThat(authHeaders.get("getblockhash")).isEqualTo("Basic cnBjdXNlcjpzZWNyZXQ=");
    assertThat(rpc.config().toString()).doesNotContain("secret");
  }

  @Test
  void aNodeErrorKeepsItsCodeAndMessage() throws IOException {
    DogecoinRpcClient rpc =
        peer(r -> err(500, -26, "16: mandatory-script-verify-flag-failed"), Duration.ofSeconds(2));
    assertThatThrownBy(() -> rpc.sendRawTransaction("00"))
        .isInstanceOfSatisfying(
            RpcErrorException.class,
            e -> {
              assertThat(e.code()).isEqualTo(-26);
              assertThat(e.isRejected()).isTrue();
              assertThat(e.isTransient()).isFalse();
              assertThat(e.nodeMessage()).contains("mandatory-script-verify-flag-failed");
              assertThat(e.method()).isEqualTo("sendrawtransaction");
            });
  }

  @Test
  void noAnswerInTimeIsATimeout() throws IOException {
    DogecoinRpcClient rpc =
        peer(
            r -> {
              try {
                Thread.sleep(1_500);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return ok("1");
            },
            Duration.ofMillis(300));
    assertThatThrownBy(rpc::getBlockCount)
        .isInstanceOfSatisfying(
            RpcTimeoutException.class, e -> assertThat(e.isTransient()).isTrue());
  }

  @Test
  void aServerErrorWithoutJsonIsUnavailableAndGarbageIsAProtocolError() throws IOException {
    DogecoinRpcClient rpc =
        peer(
            r ->
                r.path("method").asString().equals("getblockcount")
                    ? new Object[] {503, "busy"}
                    : new Object[] {200, "<html>"},
            Duration.ofSeconds(2));
    assertThatThrownBy(rpc::getBlockCount).isInstanceOf(RpcUnavailableException.class);
    assertThatThrownBy(rpc::getBestBlockHash).isInstanceOf(RpcProtocolException.class);
  }

  @Test
  void fallsBackToTheRawBlockWhenTheNodeKnowsNoVerbosity2() throws IOException {
    byte[] h = new byte[20];
    h[0] = 9;
    DogecoinAddress to = DogecoinAddress.p2pkh(DogecoinNetwork.REGTEST, h);
    Transaction cb = new Transaction();
    cb.addInput(TransactionInput.coinbaseInput(cb, new byte[] {1, 5}));
    cb.addOutput(Coin.valueOf(Doge.ofDoge(10_000).koinu()), to.scriptPubKey());
    byte[] raw =
        BlockCodec.serialize(
            1,
            Sha256Hash.ZERO_HASH.toString(),
            1_700_000_000L,
            0x207fffffL,
            0,
            List.of(cb.serialize()));
    String hash = BlockCodec.decode(raw, DogecoinNetwork.REGTEST).hash();
    DogecoinRpcClient rpc =
        peer(
            r -> {
              String m = r.path("method").asString();
              JsonNode p = r.path("params");
              if (m.equals("getblock") && p.get(1).isNumber()) {
                return err(500, -1, "JSON value is not a boolean as expected");
              }
              if (m.equals("getblock")) {
                return ok("\"" + HexFormat.of().formatHex(raw) + "\"");
              }
              return ok(
                  "{\"hash\":\""
                      + hash
                      + "\",\"height\":5,\"confirmations\":3,\"time\":1700000000}");
            },
            Duration.ofSeconds(2));

    ChainBlock block = rpc.getBlock(hash);

    assertThat(block.height()).isEqualTo(5);
    assertThat(block.confirmations()).isEqualTo(3);
    assertThat(block.previousBlockHash()).isNull();
    assertThat(block.transactions())
        .singleElement()
        .satisfies(t -> assertThat(t.outputs().getFirst().address()).isEqualTo(to));
    rpc.getBlock(hash);
    // verbosity 2 is not asked again once the node said no
    assertThat(
            requests.stream()
                .filter(
                    r ->
                        r.path("method").asString().equals("getblock")
                            && r.path("params").get(1).isNumber()))
        .hasSize(1);
  }
}
