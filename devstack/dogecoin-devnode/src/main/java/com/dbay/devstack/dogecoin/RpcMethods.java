package com.dbay.devstack.dogecoin;

import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinFormatException;
import com.dbay.platform.money.Doge;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptPattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON-RPC methods, shaped like Dogecoin Core's answers (amounts as JSON numbers with 8
 * decimals).
 */
final class RpcMethods {

  static final List<String> METHODS =
      List.of(
          "getblockcount",
          "getbestblockhash",
          "getblockhash",
          "getblock",
          "getblockheader",
          "getblockchaininfo",
          "getnetworkinfo",
          "getrawtransaction",
          "sendrawtransaction",
          "getmempoolinfo",
          "getrawmempool",
          "gettxout",
          "generate",
          "generatetoaddress",
          "faucet",
          "invalidateblock",
          "dev_reorg",
          "help");

  private final DevChain chain;
  private final JsonMapper json;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  RpcMethods(DevChain chain, JsonMapper json) {
    this.chain = chain;
    this.json = json;
  }

  JsonNode call(String method, JsonNode params) {
    Params p = new Params(params == null || params.isNull() ? nodes.arrayNode() : params);
    return switch (method) {
      case "getblockcount" -> nodes.numberNode(chain.tipHeight());
      case "getbestblockhash" -> nodes.stringNode(chain.tip().hash());
      case "getblockhash" ->
          nodes.stringNode(
              chain
                  .blockAt(p.longAt(0))
                  .orElseThrow(
                      () -> new RpcError(RpcError.INVALID_PARAMETER, "Block height out of range"))
                  .hash());
      case "getblock" -> getBlock(p.stringAt(0), p.verbosity(1, 1));
      case "getblockheader" -> getBlockHeader(p.stringAt(0), p.boolAt(1, true));
      case "getblockchaininfo" -> blockchainInfo();
      case "getnetworkinfo" -> networkInfo();
      case "getrawtransaction" -> getRawTransaction(p.stringAt(0), p.verbosity(1, 0) > 0);
      case "sendrawtransaction" -> nodes.stringNode(chain.sendRawTransaction(hex(p.stringAt(0))));
      case "getmempoolinfo" -> mempoolInfo();
      case "getrawmempool" -> rawMempool(p.boolAt(0, false));
      case "gettxout" -> txOut(p.stringAt(0), (int) p.longAt(1));
      case "generate" -> strings(chain.generate((int) p.longAt(0), null));
      case "generatetoaddress" ->
          strings(chain.generate((int) p.longAt(0), address(p.stringAt(1))));
      case "faucet" -> faucet(p);
      case "invalidateblock" -> {
        chain.invalidateBlock(p.stringAt(0));
        yield nodes.nullNode();
      }
      case "dev_reorg" -> json.valueToTree(chain.reorg((int) p.longAt(0), p.boolAt(1, false)));
      case "help" -> nodes.stringNode(String.join("\n", METHODS));
      default -> throw new RpcError(RpcError.METHOD_NOT_FOUND, "Method not found");
    };
  }

  private JsonNode faucet(Params p) {
    DogecoinAddress to = address(p.stringAt(0));
    long koinu = p.amountAt(1);
    String txid = chain.faucet(to, koinu);
    if (p.boolAt(2, false)) {
      chain.generate(1, null);
    }
    return nodes.stringNode(txid);
  }

  private DogecoinAddress address(String text) {
    try {
      return DogecoinAddress.parse(text, chain.config().network());
    } catch (DogecoinFormatException e) {
      throw new RpcError(RpcError.INVALID_ADDRESS_OR_KEY, "Invalid address: " + e.getMessage());
    }
  }

  private static byte[] hex(String s) {
    try {
      return HexFormat.of().parseHex(s);
    } catch (IllegalArgumentException e) {
      throw new RpcError(RpcError.DESERIALIZATION, "TX decode failed");
    }
  }

  private ArrayNode strings(List<String> values) {
    ArrayNode a = nodes.arrayNode();
    values.forEach(a::add);
    return a;
  }

  private JsonNode getBlock(String hash, int verbosity) {
    DevChain.Block b =
        chain
            .block(hash)
            .orElseThrow(() -> new RpcError(RpcError.INVALID_ADDRESS_OR_KEY, "Block not found"));
    if (verbosity == 0) {
      return nodes.stringNode(HexFormat.of().formatHex(b.raw()));
    }
    ObjectNode o = header(b);
    o.put("size", b.raw().length);
    ArrayNode txs = o.putArray("tx");
    for (DevChain.Tx t : b.txs()) {
      if (verbosity >= 2) {
        txs.add(transactionJson(t));
      } else {
        txs.add(t.txid());
      }
    }
    return o;
  }

  private JsonNode getBlockHeader(String hash, boolean verbose) {
    DevChain.Block b =
        chain
            .block(hash)
            .orElseThrow(() -> new RpcError(RpcError.INVALID_ADDRESS_OR_KEY, "Block not found"));
    if (!verbose) {
      return nodes.stringNode(HexFormat.of().formatHex(java.util.Arrays.copyOf(b.raw(), 80)));
    }
    return header(b);
  }

  private ObjectNode header(DevChain.Block b) {
    ObjectNode o = nodes.objectNode();
    o.put("hash", b.hash());
    o.put("confirmations", chain.confirmations(b));
    o.put("height", b.height());
    o.put("version", 1);
    o.put("versionHex", "00000001");
    o.put("merkleroot", b.merkleRoot());
    o.put("time", b.time());
    o.put("mediantime", b.time());
    o.put("nonce", b.nonce());
    o.put("bits", String.format("%08x", DevChain.BITS));
    o.put("difficulty", 0.0);
    if (b.previousHash() != null) {
      o.put("previousblockhash", b.previousHash());
    }
    chain.next(b).ifPresent(n -> o.put("nextblockhash", n.hash()));
    return o;
  }

  private ObjectNode transactionJson(DevChain.Tx t) {
    Transaction tx = t.tx();
    HexFormat hex = HexFormat.of();
    ObjectNode o = nodes.objectNode();
    o.put("hex", hex.formatHex(t.raw()));
    o.put("txid", t.txid());
    o.put("hash", t.txid());
    o.put("size", t.raw().length);
    o.put("vsize", t.raw().length);
    o.put("version", tx.getVersion());
    o.put("locktime", tx.getLockTime());
    ArrayNode vin = o.putArray("vin");
    for (TransactionInput in : tx.getInputs()) {
      ObjectNode i = vin.addObject();
      if (in.isCoinBase()) {
        i.put("coinbase", hex.formatHex(in.getScriptBytes()));
      } else {
        i.put("txid", in.getOutpoint().hash().toString());
        i.put("vout", in.getOutpoint().index());
        ObjectNode s = i.putObject("scriptSig");
        s.put("asm", safeAsm(in.getScriptBytes()));
        s.put("hex", hex.formatHex(in.getScriptBytes()));
      }
      i.put("sequence", in.getSequenceNumber());
    }
    ArrayNode vout = o.putArray("vout");
    for (TransactionOutput out : tx.getOutputs()) {
      ObjectNode v = vout.addObject();
      v.put("value", Doge.ofKoinu(out.getValue().value).toBigDecimal());
      v.put("n", out.getIndex());
      ObjectNode s = v.putObject("scriptPubKey");
      s.put("asm", safeAsm(out.getScriptBytes()));
      s.put("hex", hex.formatHex(out.getScriptBytes()));
      var address =
          DogecoinAddress.fromScriptPubKey(out.getScriptBytes(), chain.config().network());
      String type =
          address
              .map(a -> a.type() == DogecoinAddress.Type.P2PKH ? "pubkeyhash" : "scripthash")
              .orElseGet(() -> isOpReturn(out.getScriptBytes()) ? "nulldata" : "nonstandard");
      s.put("type", type);
      address.ifPresent(
          a -> {
            s.put("reqSigs", 1);
            s.putArray("addresses").add(a.toBase58());
          });
    }
    return o;
  }

  private static boolean isOpReturn(byte[] script) {
    try {
      return ScriptPattern.isOpReturn(Script.parse(script));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String safeAsm(byte[] script) {
    try {
      return Script.parse(script).toString();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private JsonNode getRawTransaction(String txid, boolean verbose) {
    var found =
        chain
            .transaction(txid)
            .orElseThrow(
                () ->
                    new RpcError(
                        RpcError.INVALID_ADDRESS_OR_KEY,
                        "No such mempool or blockchain transaction. Use gettransaction for wallet transactions."));
    DevChain.Tx t = found.getKey();
    if (!verbose) {
      return nodes.stringNode(HexFormat.of().formatHex(t.raw()));
    }
    ObjectNode o = transactionJson(t);
    DevChain.Block b = found.getValue();
    if (b != null) {
      o.put("blockhash", b.hash());
      o.put("confirmations", chain.confirmations(b));
      o.put("time", b.time());
      o.put("blocktime", b.time());
    }
    return o;
  }

  private JsonNode txOut(String txid, int vout) {
    var coin = chain.utxo(txid, vout);
    if (coin.isEmpty()) {
      return nodes.nullNode();
    }
    ObjectNode o = nodes.objectNode();
    o.put("bestblock", chain.tip().hash());
    o.put("confirmations", chain.tipHeight() - coin.get().height() + 1);
    o.put("value", Doge.ofKoinu(coin.get().value()).toBigDecimal());
    ObjectNode s = o.putObject("scriptPubKey");
    s.put("hex", HexFormat.of().formatHex(coin.get().script()));
    DogecoinAddress.fromScriptPubKey(coin.get().script(), chain.config().network())
        .ifPresent(a -> s.putArray("addresses").add(a.toBase58()));
    o.put("coinbase", coin.get().coinbase());
    return o;
  }

  private JsonNode blockchainInfo() {
    ObjectNode o = nodes.objectNode();
    o.put("chain", chain.config().network().chainName());
    o.put("blocks", chain.tipHeight());
    o.put("headers", chain.tipHeight());
    o.put("bestblockhash", chain.tip().hash());
    o.put("difficulty", 0.0);
    o.put("mediantime", chain.medianTimePast());
    o.put("verificationprogress", 1);
    o.put("initialblockdownload", false);
    o.put("pruned", false);
    o.put("dbay_devnode", true);
    return o;
  }

  private JsonNode networkInfo() {
    ObjectNode o = nodes.objectNode();
    o.put("version", 1140700);
    o.put("subversion", "/dbay-devnode:0.1.0/");
    o.put("protocolversion", 70015);
    o.put("connections", 0);
    o.put("relayfee", Doge.ofKoinu(chain.config().minFeePerKb()).toBigDecimal());
    return o;
  }

  private JsonNode mempoolInfo() {
    List<DevChain.MempoolEntry> m = chain.mempool();
    ObjectNode o = nodes.objectNode();
    o.put("size", m.size());
    o.put("bytes", m.stream().mapToLong(e -> e.tx().raw().length).sum());
    o.put("usage", m.stream().mapToLong(e -> e.tx().raw().length).sum());
    o.put("maxmempool", 300_000_000);
    o.put("mempoolminfee", Doge.ofKoinu(chain.config().minFeePerKb()).toBigDecimal());
    return o;
  }

  private JsonNode rawMempool(boolean verbose) {
    List<DevChain.MempoolEntry> m = chain.mempool();
    if (!verbose) {
      return strings(m.stream().map(e -> e.tx().txid()).toList());
    }
    ObjectNode o = nodes.objectNode();
    for (DevChain.MempoolEntry e : m) {
      ObjectNode t = o.putObject(e.tx().txid());
      t.put("size", e.tx().raw().length);
      t.put("fee", Doge.ofKoinu(e.fee()).toBigDecimal());
      t.put("time", e.time());
      t.put("height", chain.tipHeight());
    }
    return o;
  }

  /** Positional parameters with Core's coercions (verbosity as bool or number). */
  private record Params(JsonNode array) {
    JsonNode at(int i) {
      if (!array.isArray()) {
        throw new RpcError(RpcError.INVALID_REQUEST, "params must be an array");
      }
      return array.get(i);
    }

    String stringAt(int i) {
      JsonNode n = at(i);
      if (n == null || !n.isString()) {
        throw new RpcError(RpcError.TYPE, "Expected type string for parameter " + (i + 1));
      }
      return n.asString();
    }

    long longAt(int i) {
      JsonNode n = at(i);
      if (n == null || !n.isIntegralNumber()) {
        throw new RpcError(RpcError.TYPE, "Expected type number for parameter " + (i + 1));
      }
      return n.asLong();
    }

    boolean boolAt(int i, boolean otherwise) {
      JsonNode n = at(i);
      if (n == null || n.isNull()) {
        return otherwise;
      }
      if (n.isBoolean()) {
        return n.asBoolean();
      }
      if (n.isIntegralNumber()) {
        return n.asLong() != 0;
      }
      throw new RpcError(RpcError.TYPE, "Expected type bool for parameter " + (i + 1));
    }

    int verbosity(int i, int otherwise) {
      JsonNode n = at(i);
      if (n == null || n.isNull()) {
        return otherwise;
      }
      if (n.isBoolean()) {
        return n.asBoolean() ? 1 : 0;
      }
      if (n.isIntegralNumber()) {
        return n.asInt();
      }
      throw new RpcError(RpcError.TYPE, "Expected bool or number for verbosity");
    }

    long amountAt(int i) {
      JsonNode n = at(i);
      try {
        if (n != null && n.isNumber()) {
          return Doge.of(n.decimalValue()).koinu();
        }
        if (n != null && n.isString()) {
          return Doge.parse(n.asString()).koinu();
        }
      } catch (IllegalArgumentException e) {
        throw new RpcError(RpcError.TYPE, "Invalid amount: " + e.getMessage());
      }
      throw new RpcError(RpcError.TYPE, "Expected an amount for parameter " + (i + 1));
    }
  }
}
