package com.dbay.devstack.dogecoin;

import com.dbay.dogecoin.BlockCodec;
import com.dbay.dogecoin.DecodedBlock;
import com.dbay.dogecoin.DecodedTransaction;
import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinFormatException;
import com.dbay.dogecoin.FeePolicy;
import com.dbay.dogecoin.TransactionCodec;
import com.dbay.platform.money.Doge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.bitcoinj.script.ScriptException;
import org.bitcoinj.script.ScriptPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain: blocks on the main chain, the UTXO set, a mempool and a full transaction index, with
 * Dogecoin Core's mempool rules for legacy transactions (signatures checked by bitcoinj's script
 * interpreter, inputs unspent, no double spends, outputs in range and above the hard dust limit,
 * fee at least the configured rate of the exact size plus the soft-dust surcharge). Blocks are
 * real: an 80-byte header whose double SHA-256 is the block id, a merkle root over the
 * transactions, a BIP34 coinbase. There is no proof of work.
 *
 * <p>Dev-only: the faucet creates coinbase-like transactions (one input with a null outpoint) that
 * enter the mempool and the next block; {@link #reorg} replaces the last blocks. All methods are
 * synchronized: one writer at a time.
 */
public final class DevChain {

  private static final Logger log = LoggerFactory.getLogger(DevChain.class);
  static final long MAX_MONEY = Doge.ofDoge(10_000_000_000L).koinu();
  static final long BITS = 0x207fffffL;
  static final long GENESIS_TIME = 1386325540L;

  record OutPoint(String txid, int vout) {}

  record UtxoEntry(long value, byte[] script, int height, boolean coinbase) {}

  record Tx(String txid, byte[] raw, Transaction tx, boolean faucet) {}

  record Block(
      String hash,
      int height,
      long time,
      String previousHash,
      String merkleRoot,
      long nonce,
      byte[] raw,
      List<Tx> txs) {}

  record MempoolEntry(Tx tx, long fee, long time) {}

  private final DevNodeConfig config;
  private final Clock clock;
  private final FeePolicy relayFee;
  private final List<Block> chain = new ArrayList<>();
  private final Map<String, Block> blocksByHash = new HashMap<>();
  private final Map<OutPoint, UtxoEntry> utxo = new HashMap<>();
  private final Map<String, List<Map.Entry<OutPoint, UtxoEntry>>> undo = new HashMap<>();
  private final Map<String, String> txIndex = new HashMap<>();
  private final LinkedHashMap<String, MempoolEntry> mempool = new LinkedHashMap<>();
  private final Map<OutPoint, String> mempoolSpends = new HashMap<>();
  private final Set<String> invalidBlocks = new HashSet<>();
  private final byte[] minerHash160;
  private long extraNonce;
  private long faucetCounter;
  private int persistedHeight = -1;
  private boolean rewriteChain;

  public DevChain(DevNodeConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.relayFee =
        new FeePolicy(config.minFeePerKb(), FeePolicy.Rounding.EXACT_SIZE, config.softDust());
    this.minerHash160 =
        org.bitcoinj.crypto.internal.CryptoUtils.sha256hash160(
            "dbay-devnode-miner".getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- startup and persistence

  /** Loads the chain from the data directory, or creates the genesis block. */
  public synchronized void open() {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + config.dataDir(), e);
    }
    Path chainFile = chainFile();
    if (Files.exists(chainFile)) {
      int lineNo = 0;
      try {
        for (String line : Files.readAllLines(chainFile)) {
          lineNo++;
          if (line.isBlank()) {
            continue;
          }
          loadBlock(HexFormat.of().parseHex(line.strip()));
        }
      } catch (IOException | RuntimeException e) {
        log.warn(
            "chain file {} is damaged at line {} ({}); keeping the {} blocks before it",
            chainFile,
            lineNo,
            e.toString(),
            chain.size());
        rewriteChain = true;
      }
    }
    if (chain.isEmpty()) {
      Block genesis =
          buildBlock(
              List.of(), null, GENESIS_TIME, DogecoinAddress.p2pkh(config.network(), minerHash160));
      connect(genesis);
      rewriteChain = true;
    } else {
      persistedHeight = rewriteChain ? -1 : tipHeight();
    }
    Path mempoolFile = mempoolFile();
    if (Files.exists(mempoolFile)) {
      try {
        for (String line : Files.readAllLines(mempoolFile)) {
          if (line.length() < 3) {
            continue;
          }
          byte[] raw = HexFormat.of().parseHex(line.substring(2).strip());
          try {
            if (line.startsWith("F ")) {
              addFaucetTx(raw);
            } else {
              acceptToMempool(raw);
            }
          } catch (RpcError e) {
            log.info("dropped a saved mempool transaction that no longer fits: {}", e.getMessage());
          }
        }
      } catch (IOException | RuntimeException e) {
        log.warn("mempool file {} unreadable: {}", mempoolFile, e.toString());
      }
    }
    persist();
    log.info(
        "chain open: height {}, tip {}, {} transactions in the mempool",
        tipHeight(),
        tip().hash(),
        mempool.size());
  }

  private void loadBlock(byte[] raw) {
    DecodedBlock d = BlockCodec.decode(raw, config.network());
    String expectedPrev = chain.isEmpty() ? Sha256Hash.ZERO_HASH.toString() : tip().hash();
    if (!d.previousBlockHash().equals(expectedPrev)) {
      throw new IllegalStateException("block " + d.hash() + " does not extend " + expectedPrev);
    }
    List<Tx> txs = new ArrayList<>();
    for (int i = 0; i < d.transactions().size(); i++) {
      DecodedTransaction dt = d.transactions().get(i);
      byte[] txRaw = HexFormat.of().parseHex(dt.hex());
      txs.add(new Tx(dt.txid(), txRaw, TransactionCodec.parse(txRaw), i > 0 && dt.isCoinbase()));
    }
    Block b =
        new Block(
            d.hash(),
            chain.size(),
            d.time(),
            chain.isEmpty() ? null : tip().hash(),
            d.merkleRoot(),
            d.nonce(),
            raw,
            txs);
    connect(b);
    extraNonce = Math.max(extraNonce, chain.size());
  }

  private Path chainFile() {
    return config.dataDir().resolve("chain.dat");
  }

  private Path mempoolFile() {
    return config.dataDir().resolve("mempool.dat");
  }

  /**
   * Appends new blocks, or rewrites the file after blocks were disconnected; the mempool is
   * rewritten.
   */
  private void persist() {
    try {
      HexFormat hex = HexFormat.of();
      if (rewriteChain || persistedHeight > tipHeight()) {
        StringBuilder sb = new StringBuilder();
        for (Block b : chain) {
          sb.append(hex.formatHex(b.raw())).append('\n');
        }
        writeAtomically(chainFile(), sb.toString());
      } else if (persistedHeight < tipHeight()) {
        StringBuilder sb = new StringBuilder();
        for (int h = persistedHeight + 1; h <= tipHeight(); h++) {
          sb.append(hex.formatHex(chain.get(h).raw())).append('\n');
        }
        Files.writeString(
            chainFile(),
            sb.toString(),
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE);
      }
      rewriteChain = false;
      persistedHeight = tipHeight();
      StringBuilder mp = new StringBuilder();
      for (MempoolEntry e : mempool.values()) {
        mp.append(e.tx().faucet() ? "F " : "T ").append(hex.formatHex(e.tx().raw())).append('\n');
      }
      writeAtomically(mempoolFile(), mp.toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot save the chain under " + config.dataDir(), e);
    }
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  // ---------------------------------------------------------------- queries

  public synchronized int tipHeight() {
    return chain.size() - 1;
  }

  public synchronized Block tip() {
    return chain.getLast();
  }

  public synchronized Optional<Block> blockAt(long height) {
    return height >= 0 && height < chain.size()
        ? Optional.of(chain.get((int) height))
        : Optional.empty();
  }

  public synchronized Optional<Block> block(String hash) {
    return Optional.ofNullable(blocksByHash.get(hash));
  }

  /** Confirmations of a block: -1 when it is not on the main chain. */
  public synchronized long confirmations(Block b) {
    return isOnMainChain(b) ? tipHeight() - b.height() + 1 : -1;
  }

  public synchronized boolean isOnMainChain(Block b) {
    return b.height() < chain.size() && chain.get(b.height()).hash().equals(b.hash());
  }

  public synchronized Optional<Block> next(Block b) {
    return isOnMainChain(b) && b.height() < tipHeight()
        ? Optional.of(chain.get(b.height() + 1))
        : Optional.empty();
  }

  /**
   * The transaction and the main-chain block holding it (null block while it is in the mempool).
   */
  public synchronized Optional<Map.Entry<Tx, Block>> transaction(String txid) {
    MempoolEntry m = mempool.get(txid);
    if (m != null) {
      return Optional.of(new java.util.AbstractMap.SimpleEntry<>(m.tx(), null));
    }
    String blockHash = txIndex.get(txid);
    if (blockHash == null) {
      return Optional.empty();
    }
    Block b = blocksByHash.get(blockHash);
    return b.txs().stream()
        .filter(t -> t.txid().equals(txid))
        .findFirst()
        .map(t -> new java.util.AbstractMap.SimpleEntry<>(t, b));
  }

  public synchronized List<MempoolEntry> mempool() {
    return List.copyOf(mempool.values());
  }

  public synchronized long medianTimePast() {
    List<Long> times = new ArrayList<>();
    for (int h = Math.max(0, tipHeight() - 10); h <= tipHeight(); h++) {
      times.add(chain.get(h).time());
    }
    times.sort(null);
    return times.get(times.size() / 2);
  }

  public DevNodeConfig config() {
    return config;
  }

  public synchronized long utxoCount() {
    return utxo.size();
  }

  // ---------------------------------------------------------------- mempool

  /** sendrawtransaction: validates and adds to the mempool; returns the txid. */
  public synchronized String sendRawTransaction(byte[] raw) {
    String txid = acceptToMempool(raw);
    persist();
    return txid;
  }

  private String acceptToMempool(byte[] raw) {
    Transaction tx;
    try {
      tx = TransactionCodec.parse(raw);
    } catch (DogecoinFormatException e) {
      throw new RpcError(RpcError.DESERIALIZATION, "TX decode failed");
    }
    String txid = tx.getTxId().toString();
    if (mempool.containsKey(txid)) {
      return txid;
    }
    if (txIndex.containsKey(txid)) {
      throw new RpcError(RpcError.VERIFY_ALREADY_IN_CHAIN, "transaction already in block chain");
    }
    if (tx.getInputs().isEmpty()) {
      throw RpcError.rejected(16, "bad-txns-vin-empty");
    }
    if (tx.getOutputs().isEmpty()) {
      throw RpcError.rejected(16, "bad-txns-vout-empty");
    }
    if (tx.isCoinBase() || tx.getInputs().stream().anyMatch(TransactionInput::isCoinBase)) {
      throw RpcError.rejected(16, "coinbase");
    }
    long outTotal = 0;
    int softDustOutputs = 0;
    for (TransactionOutput out : tx.getOutputs()) {
      long v = out.getValue().value;
      if (v < 0) {
        throw RpcError.rejected(16, "bad-txns-vout-negative");
      }
      if (v > MAX_MONEY) {
        throw RpcError.rejected(16, "bad-txns-vout-toolarge");
      }
      outTotal += v;
      if (outTotal > MAX_MONEY) {
        throw RpcError.rejected(16, "bad-txns-txouttotal-toolarge");
      }
      Script script;
      try {
        script = Script.parse(out.getScriptBytes());
      } catch (ScriptException e) {
        throw RpcError.rejected(64, "scriptpubkey");
      }
      boolean opReturn = ScriptPattern.isOpReturn(script);
      if (!opReturn && !ScriptPattern.isP2PKH(script) && !ScriptPattern.isP2SH(script)) {
        throw RpcError.rejected(64, "scriptpubkey");
      }
      if (!opReturn && v < config.hardDust()) {
        throw RpcError.rejected(64, "dust");
      }
      if (!opReturn && v < config.softDust()) {
        softDustOutputs++;
      }
    }
    Set<OutPoint> seen = new HashSet<>();
    long inTotal = 0;
    List<Script> spentScripts = new ArrayList<>();
    for (TransactionInput in : tx.getInputs()) {
      OutPoint op =
          new OutPoint(in.getOutpoint().hash().toString(), (int) in.getOutpoint().index());
      if (!seen.add(op)) {
        throw RpcError.rejected(16, "bad-txns-inputs-duplicate");
      }
      String conflict = mempoolSpends.get(op);
      if (conflict != null) {
        throw RpcError.rejected(18, "txn-mempool-conflict");
      }
      Optional<UtxoEntry> coin = spendable(op);
      if (coin.isEmpty()) {
        throw new RpcError(RpcError.VERIFY_ERROR, "Missing inputs");
      }
      inTotal += coin.get().value();
      spentScripts.add(Script.parse(coin.get().script()));
    }
    if (inTotal < outTotal) {
      throw RpcError.rejected(
          16,
          "bad-txns-in-belowout, value in ("
              + Doge.ofKoinu(inTotal).toString()
              + ") < value out ("
              + Doge.ofKoinu(outTotal).toString()
              + ")");
    }
    long fee = inTotal - outTotal;
    long required = relayFee.feeFor(raw.length) + softDustOutputs * config.softDust();
    if (fee < required) {
      throw RpcError.rejected(
          66,
          "min relay fee not met, "
              + Doge.ofKoinu(fee).toString()
              + " < "
              + Doge.ofKoinu(required).toString());
    }
    for (int i = 0; i < tx.getInputs().size(); i++) {
      try {
        tx.getInput(i)
            .getScriptSig()
            .correctlySpends(tx, i, null, null, spentScripts.get(i), Script.ALL_VERIFY_FLAGS);
      } catch (ScriptException e) {
        throw RpcError.rejected(16, "mandatory-script-verify-flag-failed (" + e.getMessage() + ")");
      }
    }
    addToMempool(new Tx(txid, raw, tx, false), fee);
    return txid;
  }

  /**
   * A confirmed unspent output, or an output of a mempool transaction that no other mempool tx
   * spends.
   */
  private Optional<UtxoEntry> spendable(OutPoint op) {
    UtxoEntry e = utxo.get(op);
    if (e != null) {
      return Optional.of(e);
    }
    MempoolEntry parent = mempool.get(op.txid());
    if (parent != null && op.vout() < parent.tx().tx().getOutputs().size()) {
      TransactionOutput out = parent.tx().tx().getOutput(op.vout());
      return Optional.of(new UtxoEntry(out.getValue().value, out.getScriptBytes(), -1, false));
    }
    return Optional.empty();
  }

  private void addToMempool(Tx tx, long fee) {
    mempool.put(tx.txid(), new MempoolEntry(tx, fee, clock.instant().getEpochSecond()));
    if (!tx.faucet()) {
      for (TransactionInput in : tx.tx().getInputs()) {
        mempoolSpends.put(
            new OutPoint(in.getOutpoint().hash().toString(), (int) in.getOutpoint().index()),
            tx.txid());
      }
    }
  }

  private void addFaucetTx(byte[] raw) {
    Transaction tx = TransactionCodec.parse(raw);
    String txid = tx.getTxId().toString();
    if (!mempool.containsKey(txid) && !txIndex.containsKey(txid)) {
      addToMempool(new Tx(txid, raw, tx, true), 0);
    }
  }

  /**
   * Dev faucet: a coinbase-like transaction (null outpoint input, unique script) paying {@code
   * koinu} to {@code address}; it enters the mempool and the next block. Returns its txid.
   */
  public synchronized String faucet(DogecoinAddress address, long koinu) {
    if (koinu <= 0 || koinu > MAX_MONEY) {
      throw new RpcError(RpcError.TYPE, "Invalid amount");
    }
    if (koinu < config.hardDust()) {
      throw new RpcError(RpcError.INVALID_PARAMETER, "amount below the dust limit");
    }
    Transaction tx = new Transaction();
    byte[] tag =
        ("dbay-faucet/" + (++faucetCounter) + "/" + System.nanoTime())
            .getBytes(StandardCharsets.UTF_8);
    tx.addInput(
        TransactionInput.coinbaseInput(tx, new ScriptBuilder().data(tag).build().program()));
    tx.addOutput(Coin.valueOf(koinu), address.scriptPubKey());
    byte[] raw = tx.serialize();
    addToMempool(new Tx(tx.getTxId().toString(), raw, tx, true), 0);
    persist();
    return tx.getTxId().toString();
  }

  // ---------------------------------------------------------------- mining

  /**
   * Mines {@code count} blocks holding the whole mempool, the coinbase paying {@code rewardTo}
   * (null: the miner).
   */
  public synchronized List<String> generate(int count, DogecoinAddress rewardTo) {
    if (count < 0 || count > 10_000) {
      throw new RpcError(RpcError.INVALID_PARAMETER, "nblocks must be between 0 and 10000");
    }
    DogecoinAddress to =
        rewardTo != null ? rewardTo : DogecoinAddress.p2pkh(config.network(), minerHash160);
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<Tx> txs = mempool.values().stream().map(MempoolEntry::tx).toList();
      long time = Math.max(tip().time() + 1, clock.instant().getEpochSecond());
      Block b = buildBlock(txs, tip(), time, to);
      connect(b);
      hashes.add(b.hash());
    }
    persist();
    return hashes;
  }

  private Block buildBlock(List<Tx> txs, Block prev, long time, DogecoinAddress rewardTo) {
    int height = prev == null ? 0 : prev.height() + 1;
    long fees =
        txs.stream()
            .mapToLong(t -> mempool.containsKey(t.txid()) ? mempool.get(t.txid()).fee() : 0)
            .sum();
    Transaction coinbase = new Transaction();
    byte[] script =
        new ScriptBuilder()
            .number(height)
            .number(++extraNonce)
            .data("dbay-devnode".getBytes(StandardCharsets.UTF_8))
            .build()
            .program();
    coinbase.addInput(TransactionInput.coinbaseInput(coinbase, script));
    coinbase.addOutput(Coin.valueOf(config.blockReward() + fees), rewardTo.scriptPubKey());
    byte[] coinbaseRaw = coinbase.serialize();
    List<Tx> all = new ArrayList<>();
    all.add(new Tx(coinbase.getTxId().toString(), coinbaseRaw, coinbase, false));
    all.addAll(txs);
    byte[] raw =
        BlockCodec.serialize(
            1,
            prev == null ? Sha256Hash.ZERO_HASH.toString() : prev.hash(),
            time,
            BITS,
            extraNonce,
            all.stream().map(Tx::raw).toList());
    DecodedBlock d = BlockCodec.decode(raw, config.network());
    return new Block(
        d.hash(),
        height,
        time,
        prev == null ? null : prev.hash(),
        d.merkleRoot(),
        d.nonce(),
        raw,
        all);
  }

  /** Applies a block to the UTXO set, keeping what it spent to undo it on a reorg. */
  private void connect(Block b) {
    List<Map.Entry<OutPoint, UtxoEntry>> spent = new ArrayList<>();
    for (int i = 0; i < b.txs().size(); i++) {
      Tx t = b.txs().get(i);
      boolean coinbaseLike = i == 0 || t.faucet();
      if (!coinbaseLike) {
        for (TransactionInput in : t.tx().getInputs()) {
          OutPoint op =
              new OutPoint(in.getOutpoint().hash().toString(), (int) in.getOutpoint().index());
          UtxoEntry e = utxo.remove(op);
          if (e == null) {
            throw new IllegalStateException("block " + b.hash() + " spends missing " + op);
          }
          spent.add(Map.entry(op, e));
        }
      }
      if (b.height() > 0) {
        List<TransactionOutput> outs = t.tx().getOutputs();
        for (int v = 0; v < outs.size(); v++) {
          if (!ScriptPattern.isOpReturn(outs.get(v).getScriptPubKey())) {
            utxo.put(
                new OutPoint(t.txid(), v),
                new UtxoEntry(
                    outs.get(v).getValue().value,
                    outs.get(v).getScriptBytes(),
                    b.height(),
                    coinbaseLike));
          }
        }
      }
      txIndex.put(t.txid(), b.hash());
      MempoolEntry m = mempool.remove(t.txid());
      if (m != null && !t.faucet()) {
        for (TransactionInput in : t.tx().getInputs()) {
          mempoolSpends.remove(
              new OutPoint(in.getOutpoint().hash().toString(), (int) in.getOutpoint().index()));
        }
      }
    }
    undo.put(b.hash(), spent);
    chain.add(b);
    blocksByHash.put(b.hash(), b);
  }

  /**
   * Takes the tip off the main chain, restoring what it spent; returns its non-coinbase
   * transactions.
   */
  private List<Tx> disconnectTip() {
    if (chain.size() <= 1) {
      throw new RpcError(RpcError.INVALID_PARAMETER, "cannot disconnect the genesis block");
    }
    Block b = chain.removeLast();
    for (Tx t : b.txs()) {
      for (int v = 0; v < t.tx().getOutputs().size(); v++) {
        utxo.remove(new OutPoint(t.txid(), v));
      }
      txIndex.remove(t.txid());
    }
    for (Map.Entry<OutPoint, UtxoEntry> e : undo.remove(b.hash())) {
      utxo.put(e.getKey(), e.getValue());
    }
    rewriteChain = true;
    return b.txs().subList(1, b.txs().size());
  }

  /**
   * Puts transactions of disconnected blocks back in front of the mempool (as Core does), dropping
   * any that no longer fit, and re-checks the rest of the mempool.
   */
  private void resurrect(List<Tx> txs) {
    List<MempoolEntry> old = new ArrayList<>(mempool.values());
    mempool.clear();
    mempoolSpends.clear();
    List<Tx> all = new ArrayList<>(txs);
    old.forEach(e -> all.add(e.tx()));
    for (Tx t : all) {
      if (t.faucet()) {
        addToMempool(t, 0);
        continue;
      }
      try {
        acceptToMempool(t.raw());
      } catch (RpcError e) {
        log.info("dropped {} from the mempool after a reorg: {}", t.txid(), e.getMessage());
      }
    }
  }

  /**
   * invalidateblock: disconnects the block and everything after it; their transactions return to
   * the mempool.
   */
  public synchronized void invalidateBlock(String hash) {
    Block b = blocksByHash.get(hash);
    if (b == null) {
      throw new RpcError(RpcError.INVALID_ADDRESS_OR_KEY, "Block not found");
    }
    invalidBlocks.add(hash);
    if (!isOnMainChain(b)) {
      return;
    }
    List<Tx> back = new ArrayList<>();
    while (tipHeight() >= b.height()) {
      back.addAll(0, disconnectTip());
    }
    resurrect(back);
    persist();
  }

  /**
   * dev_reorg: replaces the last {@code depth} blocks with {@code depth + 1} new ones. With {@code
   * orphanTransactions} false their transactions go back to the mempool and into the new blocks;
   * with true they are dropped (as if a double spend had won), along with mempool transactions that
   * depended on them.
   */
  public synchronized Map<String, Object> reorg(int depth, boolean orphanTransactions) {
    if (depth < 1 || depth > tipHeight()) {
      throw new RpcError(RpcError.INVALID_PARAMETER, "depth must be between 1 and " + tipHeight());
    }
    String oldTip = tip().hash();
    List<String> disconnected = new ArrayList<>();
    List<Tx> back = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      disconnected.add(tip().hash());
      invalidBlocks.add(tip().hash());
      back.addAll(0, disconnectTip());
    }
    List<String> orphaned = new ArrayList<>();
    if (orphanTransactions) {
      back.forEach(t -> orphaned.add(t.txid()));
      resurrect(List.of());
    } else {
      resurrect(back);
    }
    List<String> reincluded = back.stream().map(Tx::txid).filter(mempool::containsKey).toList();
    List<String> connected = generate(depth + 1, null);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("oldtip", oldTip);
    result.put("newtip", tip().hash());
    result.put("height", tipHeight());
    result.put("disconnected", disconnected);
    result.put("connected", connected);
    result.put("reincluded", reincluded);
    result.put("orphaned", orphaned);
    log.info(
        "reorg of depth {}: {} -> {}, {} transactions re-included, {} orphaned",
        depth,
        oldTip,
        tip().hash(),
        reincluded.size(),
        orphaned.size());
    return result;
  }

  public synchronized Collection<String> invalidBlocks() {
    return Set.copyOf(invalidBlocks);
  }

  public synchronized Optional<UtxoEntry> utxo(String txid, int vout) {
    return Optional.ofNullable(utxo.get(new OutPoint(txid, vout)));
  }
}
