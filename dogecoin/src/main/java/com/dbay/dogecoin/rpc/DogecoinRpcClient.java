package com.dbay.dogecoin.rpc;

import com.dbay.dogecoin.BlockCodec;
import com.dbay.dogecoin.DecodedBlock;
import com.dbay.dogecoin.DecodedTransaction;
import com.dbay.dogecoin.TransactionCodec;
import com.dbay.platform.money.Doge;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dogecoin Core JSON-RPC 1.0 over HTTP with basic auth. Thread-safe; one instance per node.
 *
 * <p>Every failure is an {@link RpcException}: {@link RpcErrorException} carries the node's error
 * code, {@link RpcTimeoutException} means no answer in time (retry sendrawtransaction with the same
 * bytes: it is idempotent), {@link RpcUnavailableException} means no connection.
 *
 * <p>{@link #getBlock(String)} asks for verbosity 2 and falls back to the raw block (parsed here,
 * AuxPoW included) when the node predates verbosity 2, as Dogecoin Core 1.14 does.
 */
public class DogecoinRpcClient {

  private final RpcConfig config;
  private final HttpClient http;
  private final JsonMapper json;
  private final String authorization;
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean verbosity2Unsupported;

  public DogecoinRpcClient(RpcConfig config) {
    this.config = config;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .build();
    this.json =
        JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    String user = config.user() == null ? "" : config.user();
    String password = config.password() == null ? "" : config.password();
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public RpcConfig config() {
    return config;
  }

  // ---- chain ----

  public long getBlockCount() {
    return call("getblockcount").asLong();
  }

  public String getBestBlockHash() {
    return text("getbestblockhash", call("getbestblockhash"));
  }

  public String getBlockHash(long height) {
    return text("getblockhash", call("getblockhash", height));
  }

  public BlockchainInfo getBlockchainInfo() {
    JsonNode r = call("getblockchaininfo");
    return new BlockchainInfo(
        r.path("chain").asString(),
        r.path("blocks").asLong(),
        r.path("headers").asLong(),
        r.path("bestblockhash").asString(),
        r.path("mediantime").asLong(),
        r.path("initialblockdownload").asBoolean(false));
  }

  public BlockHeaderInfo getBlockHeader(String hash) {
    JsonNode r = call("getblockheader", hash, true);
    return header(r);
  }

  /** A block with all its transactions decoded (outputs with their addresses on this network). */
  public ChainBlock getBlock(String hash) {
    if (!verbosity2Unsupported) {
      try {
        JsonNode r = call("getblock", hash, 2);
        List<DecodedTransaction> txs = new ArrayList<>();
        for (JsonNode tx : r.path("tx")) {
          if (!tx.isObject() || !tx.hasNonNull("hex")) {
            throw new RpcProtocolException("getblock", "verbosity 2 transaction without hex", null);
          }
          txs.add(TransactionCodec.decode(tx.get("hex").asString(), config.network()));
        }
        return new ChainBlock(
            r.path("hash").asString(),
            r.path("height").asLong(),
            r.path("confirmations").asLong(),
            r.path("previousblockhash").asString(null),
            r.path("time").asLong(),
            txs);
      } catch (RpcErrorException e) {
        if (e.code() != RpcErrorException.RPC_MISC_ERROR
            && e.code() != RpcErrorException.RPC_TYPE_ERROR
            && e.code() != RpcErrorException.RPC_INVALID_PARAMETER) {
          throw e;
        }
        verbosity2Unsupported = true;
      }
    }
    BlockHeaderInfo h = getBlockHeader(hash);
    DecodedBlock raw = BlockCodec.decode(getRawBlock(hash), config.network());
    return new ChainBlock(
        h.hash(),
        h.height(),
        h.confirmations(),
        h.previousBlockHash(),
        h.time(),
        raw.transactions());
  }

  /** {@code getblock <hash> false}: the serialized block as hex. */
  public String getRawBlock(String hash) {
    return text("getblock", call("getblock", hash, false));
  }

  // ---- transactions ----

  public String getRawTransactionHex(String txid) {
    return text("getrawtransaction", call("getrawtransaction", txid, false));
  }

  public ChainTransaction getRawTransaction(String txid) {
    JsonNode r = call("getrawtransaction", txid, true);
    DecodedTransaction tx = TransactionCodec.decode(r.path("hex").asString(), config.network());
    return new ChainTransaction(
        tx, r.path("blockhash").asString(null), r.path("confirmations").asLong(0));
  }

  /**
   * Broadcasts; returns the txid. Sending the same bytes again is harmless (already known or
   * already mined).
   */
  public String sendRawTransaction(String rawHex) {
    return text("sendrawtransaction", call("sendrawtransaction", rawHex));
  }

  /**
   * Broadcasts idempotently, for re-broadcasting the one signed transaction of a withdrawal: bytes
   * the node already has (in its mempool or mined) count as success. Returns the txid computed from
   * the bytes.
   */
  public String broadcast(String rawHex) {
    String txid = TransactionCodec.decode(rawHex, config.network()).txid();
    try {
      String sent = sendRawTransaction(rawHex);
      return sent == null ? txid : sent;
    } catch (RpcErrorException e) {
      String m = e.nodeMessage() == null ? "" : e.nodeMessage();
      if (e.isAlreadyInChain()
          || m.contains("txn-already-in-mempool")
          || m.contains("txn-already-known")) {
        return txid;
      }
      throw e;
    }
  }

  /**
   * Confirmations of a transaction on the main chain: 0 while in the mempool, empty when the node
   * does not know it (never sent, dropped, or reorganised away). A real node needs {@code
   * -txindex=1} for mined transactions.
   */
  public java.util.OptionalLong confirmations(String txid) {
    try {
      ChainTransaction t = getRawTransaction(txid);
      return java.util.OptionalLong.of(t.blockHash() == null ? 0 : Math.max(0, t.confirmations()));
    } catch (RpcErrorException e) {
      if (e.isNotFound()) {
        return java.util.OptionalLong.empty();
      }
      throw e;
    }
  }

  public List<String> getRawMempool() {
    List<String> ids = new ArrayList<>();
    for (JsonNode n : call("getrawmempool")) {
      ids.add(n.asString());
    }
    return ids;
  }

  public long getMempoolSize() {
    return call("getmempoolinfo").path("size").asLong();
  }

  // ---- dev chain only (dogecoin-devnode; generatetoaddress also exists on a real regtest node)
  // ----

  public List<String> generateToAddress(int blocks, String address) {
    List<String> hashes = new ArrayList<>();
    for (JsonNode n : call("generatetoaddress", blocks, address)) {
      hashes.add(n.asString());
    }
    return hashes;
  }

  /**
   * dogecoin-devnode: creates {@code koinu} out of thin air to {@code address}; returns the txid.
   */
  public String faucet(String address, long koinu) {
    return text("faucet", call("faucet", address, Doge.ofKoinu(koinu).toBigDecimal()));
  }

  /**
   * dogecoin-devnode: replaces the last {@code depth} blocks; {@code orphanTransactions} drops
   * their transactions.
   */
  public JsonNode devReorg(int depth, boolean orphanTransactions) {
    return call("dev_reorg", depth, orphanTransactions);
  }

  // ---- plumbing ----

  /**
   * Calls any method with positional parameters (numbers, strings, booleans, BigDecimal amounts)
   * and returns the {@code result}.
   */
  public JsonNode call(String method, Object... params) {
    ObjectNode req = json.createObjectNode();
    req.put("jsonrpc", "1.0");
    req.put("id", "dbay-" + ids.incrementAndGet());
    req.put("method", method);
    ArrayNode p = req.putArray("params");
    for (Object o : params) {
      switch (o) {
        case null -> p.addNull();
        case String s -> p.add(s);
        case Integer i -> p.add(i);
        case Long l -> p.add(l);
        case Boolean b -> p.add(b);
        case BigDecimal d -> p.add(d);
        default -> p.add(json.valueToTree(o));
      }
    }
    HttpRequest request =
        HttpRequest.newBuilder(config.url())
            .timeout(config.requestTimeout())
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(req)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw new RpcUnavailableException(method, "connect timeout to " + config.url(), e);
    } catch (HttpTimeoutException e) {
      throw new RpcTimeoutException(method, "no answer within " + config.requestTimeout(), e);
    } catch (ConnectException e) {
      throw new RpcUnavailableException(method, "cannot connect to " + config.url(), e);
    } catch (IOException e) {
      throw new RpcUnavailableException(
          method, "I/O error talking to " + config.url() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcUnavailableException(method, "interrupted", e);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new RpcAuthenticationException(method, "HTTP " + status + ": RPC credentials refused");
    }
    JsonNode body;
    try {
      body = json.readTree(response.body());
    } catch (JacksonException e) {
      if (status >= 500) {
        throw new RpcUnavailableException(method, "HTTP " + status + " without a JSON-RPC body", e);
      }
      throw new RpcProtocolException(method, "HTTP " + status + ": response is not JSON", e);
    }
    JsonNode error = body.path("error");
    if (!error.isMissingNode() && !error.isNull()) {
      throw new RpcErrorException(
          method,
          error.path("code").asInt(RpcErrorException.RPC_MISC_ERROR),
          error.path("message").asString(""));
    }
    if (status != 200) {
      throw new RpcProtocolException(method, "HTTP " + status + " without an error object", null);
    }
    if (!body.has("result")) {
      throw new RpcProtocolException(method, "response has no result", null);
    }
    return body.get("result");
  }

  private static String text(String method, JsonNode n) {
    if (n == null || !n.isString()) {
      throw new RpcProtocolException(method, "expected a string result", null);
    }
    return n.asString();
  }

  private static BlockHeaderInfo header(JsonNode r) {
    return new BlockHeaderInfo(
        r.path("hash").asString(),
        r.path("height").asLong(),
        r.path("confirmations").asLong(),
        r.path("previousblockhash").asString(null),
        r.path("nextblockhash").asString(null),
        r.path("time").asLong(),
        r.path("merkleroot").asString(null));
  }
}
