package com.dbay.devstack.dogecoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.dogecoin.Bip44Path;
import com.dbay.dogecoin.BlockCodec;
import com.dbay.dogecoin.DecodedTransaction;
import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.FeePolicy;
import com.dbay.dogecoin.HdSigner;
import com.dbay.dogecoin.Payment;
import com.dbay.dogecoin.SignedTransaction;
import com.dbay.dogecoin.TransactionPlanner;
import com.dbay.dogecoin.Utxo;
import com.dbay.dogecoin.WatchOnlyAccount;
import com.dbay.dogecoin.rpc.BlockchainInfo;
import com.dbay.dogecoin.rpc.ChainBlock;
import com.dbay.dogecoin.rpc.DogecoinRpcClient;
import com.dbay.dogecoin.rpc.RpcAuthenticationException;
import com.dbay.dogecoin.rpc.RpcConfig;
import com.dbay.dogecoin.rpc.RpcErrorException;
import com.dbay.dogecoin.rpc.RpcUnavailableException;
import com.dbay.platform.money.Doge;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's JSON-RPC client against a running dev node over real HTTP. */
class DevNodeRpcIT {

  @TempDir static Path dir;
  static DevNode node;
  static DogecoinRpcClient rpc;
  static HdSigner signer;

  @BeforeAll
  static void start() throws Exception {
    node =
        DevNode.start(
            DevNodeConfig.fromEnv(
                Map.of(
                    "DBAY_DOGE_DATA_DIR",
                    dir.toString(),
                    "DBAY_DOGE_BLOCK_SECONDS",
                    "0",
                    "DBAY_DOGE_RPC_PORT",
                    "0",
                    "DBAY_DOGE_RPC_USER",
                    "u",
                    "DBAY_DOGE_RPC_PASSWORD",
                    "p")));
    rpc =
        new DogecoinRpcClient(
            RpcConfig.of(
                "http://127.0.0.1:" + node.port() + "/", "u", "p", DogecoinNetwork.REGTEST));
    signer = HdSigner.fromMnemonic(DevChainTest.PHRASE, "", DogecoinNetwork.REGTEST);
  }

  @AfterAll
  static void stop() {
    node.close();
    signer.close();
  }

  @Test
  void aDepositFoundByTheWatchOnlyAccountCanBeSpentAndTheSpendConfirms() {
    WatchOnlyAccount watch =
        WatchOnlyAccount.fromXpub(signer.accountXpub(0), DogecoinNetwork.REGTEST);
    DogecoinAddress deposit = watch.receiveAddress(7);

    String faucetTxid = rpc.faucet(deposit.toBase58(), Doge.ofDoge(10_000).koinu());
    assertThat(rpc.getRawMempool()).contains(faucetTxid);
    String blockHash = rpc.generateToAddress(1, watch.receiveAddress(99).toBase58()).getFirst();

    BlockchainInfo info = rpc.getBlockchainInfo();
    assertThat(info.chain()).isEqualTo("regtest");
    assertThat(info.bestBlockHash()).isEqualTo(blockHash);
    assertThat(rpc.getBlockHash(rpc.getBlockCount())).isEqualTo(blockHash);

    ChainBlock block = rpc.getBlock(blockHash);
    assertThat(block.confirmations()).isEqualTo(1);
    DecodedTransaction found =
        block.transactions().stream()
            .filter(t -> t.outputs().stream().anyMatch(o -> deposit.equals(o.address())))
            .findFirst()
            .orElseThrow();
    assertThat(found.txid()).isEqualTo(faucetTxid);
    assertThat(found.outputs().getFirst().value()).isEqualTo(Doge.ofDoge(10_000).koinu());

    // the raw block the fallback path parses says the same
    assertThat(
            BlockCodec.decode(rpc.getRawBlock(blockHash), DogecoinNetwork.REGTEST).transactions())
        .isEqualTo(block.transactions());

    Utxo utxo =
        new Utxo(faucetTxid, 0, Doge.ofDoge(10_000).koinu(), deposit, Bip44Path.receive(0, 7));
    DogecoinAddress outside = signer.address(Bip44Path.receive(3, 0));
    SignedTransaction tx =
        signer.sign(
            TransactionPlanner.plan(
                List.of(utxo),
                List.of(new Payment(outside, Doge.ofDoge(2_500).koinu())),
                watch.changeAddress(0),
                FeePolicy.DEFAULT));
    assertThat(rpc.sendRawTransaction(tx.rawHex())).isEqualTo(tx.txid());
    // re-broadcasting the same bytes is harmless
    assertThat(rpc.sendRawTransaction(tx.rawHex())).isEqualTo(tx.txid());
    assertThat(rpc.getRawTransaction(tx.txid()).blockHash()).isNull();

    rpc.generateToAddress(2, outside.toBase58());
    var confirmed = rpc.getRawTransaction(tx.txid());
    assertThat(confirmed.confirmations()).isEqualTo(2);
    assertThat(confirmed.transaction().outputs().get(0).address()).isEqualTo(outside);
    assertThat(rpc.getRawTransactionHex(tx.txid())).isEqualTo(tx.rawHex());

    assertThatThrownBy(() -> rpc.sendRawTransaction(tx.rawHex()))
        .isInstanceOfSatisfying(
            RpcErrorException.class, e -> assertThat(e.isAlreadyInChain()).isTrue());
    // the idempotent broadcast treats "already mined" as success
    assertThat(rpc.broadcast(tx.rawHex())).isEqualTo(tx.txid());
    assertThat(rpc.confirmations(tx.txid())).hasValue(2);
    assertThat(rpc.confirmations("22".repeat(32))).isEmpty();
  }

  @Test
  void rejectionsArriveAsTypedErrors() {
    DogecoinAddress mine = signer.address(Bip44Path.receive(0, 20));
    String txid = rpc.faucet(mine.toBase58(), Doge.ofDoge(50).koinu());
    rpc.generateToAddress(1, mine.toBase58());
    Utxo utxo = new Utxo(txid, 0, Doge.ofDoge(50).koinu(), mine, Bip44Path.receive(0, 20));
    SignedTransaction a =
        signer.sign(
            TransactionPlanner.plan(
                List.of(utxo),
                List.of(
                    new Payment(signer.address(Bip44Path.receive(2, 0)), Doge.ofDoge(20).koinu())),
                null,
                FeePolicy.DEFAULT));
    SignedTransaction b =
        signer.sign(
            TransactionPlanner.plan(
                List.of(utxo),
                List.of(
                    new Payment(signer.address(Bip44Path.receive(2, 1)), Doge.ofDoge(20).koinu())),
                null,
                FeePolicy.DEFAULT));
    String tampered =
        a.rawHex().substring(0, 100)
            + (a.rawHex().charAt(100) == '0' ? '1' : '0')
            + a.rawHex().substring(101);

    assertThatThrownBy(() -> rpc.sendRawTransaction(tampered))
        .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.isRejected()).isTrue());
    rpc.sendRawTransaction(a.rawHex());
    assertThatThrownBy(() -> rpc.sendRawTransaction(b.rawHex()))
        .isInstanceOfSatisfying(
            RpcErrorException.class,
            e -> {
              assertThat(e.code()).isEqualTo(RpcErrorException.RPC_VERIFY_REJECTED);
              assertThat(e.nodeMessage()).contains("txn-mempool-conflict");
            });
    assertThatThrownBy(() -> rpc.getBlock("00".repeat(32)))
        .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.isNotFound()).isTrue());
    assertThatThrownBy(() -> rpc.call("getdifficultyofdoge"))
        .isInstanceOfSatisfying(
            RpcErrorException.class,
            e -> assertThat(e.code()).isEqualTo(RpcErrorException.RPC_METHOD_NOT_FOUND));
  }

  @Test
  void aReorgShowsAsMinusOneConfirmationsOnTheReplacedBlock() {
    DogecoinAddress mine = signer.address(Bip44Path.receive(0, 30));
    String txid = rpc.faucet(mine.toBase58(), Doge.ofDoge(5).koinu());
    String replaced = rpc.generateToAddress(1, mine.toBase58()).getFirst();

    var result = rpc.devReorg(1, true);

    assertThat(result.path("disconnected").get(0).asString()).isEqualTo(replaced);
    assertThat(rpc.getBlockHeader(replaced).confirmations()).isEqualTo(-1);
    assertThat(rpc.getBlockHeader(replaced).onMainChain()).isFalse();
    assertThatThrownBy(() -> rpc.getRawTransaction(txid))
        .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void wrongCredentialsAndADeadPortAreTypedToo() {
    DogecoinRpcClient wrong =
        new DogecoinRpcClient(
            RpcConfig.of(
                "http://127.0.0.1:" + node.port() + "/", "u", "nope", DogecoinNetwork.REGTEST));
    assertThatThrownBy(wrong::getBlockCount).isInstanceOf(RpcAuthenticationException.class);
    DogecoinRpcClient dead =
        new DogecoinRpcClient(
            RpcConfig.of("http://127.0.0.1:1/", "u", "p", DogecoinNetwork.REGTEST));
    assertThatThrownBy(dead::getBlockCount)
        .isInstanceOfSatisfying(
            RpcUnavailableException.class, e -> assertThat(e.isTransient()).isTrue());
  }

  @Test
  void getblockAnswersEveryVerbosityTheWayDogecoinCoreDoes() {
    DogecoinAddress mine = signer.address(Bip44Path.receive(0, 40));
    String txid = rpc.faucet(mine.toBase58(), Doge.ofDoge(3).koinu());
    String hash = rpc.generateToAddress(1, mine.toBase58()).getFirst();

    assertThat(rpc.call("getblock", hash, 0).isString()).isTrue();
    assertThat(rpc.call("getblock", hash, false).asString()).isEqualTo(rpc.getRawBlock(hash));
    var v1 = rpc.call("getblock", hash, true);
    assertThat(v1.path("tx").get(1).asString()).isEqualTo(txid);
    var v2 = rpc.call("getblock", hash, 2);
    var out = v2.path("tx").get(1).path("vout").get(0);
    assertThat(out.path("value").decimalValue()).isEqualByComparingTo("3");
    assertThat(out.path("scriptPubKey").path("addresses").get(0).asString())
        .isEqualTo(mine.toBase58());
    assertThat(out.path("scriptPubKey").path("type").asString()).isEqualTo("pubkeyhash");
    assertThat(v2.path("tx").get(0).path("vin").get(0).has("coinbase")).isTrue();
    assertThat(rpc.call("getblockheader", hash, false).asString()).hasSize(160);
    // a mainnet address is refused on the regtest chain
    assertThatThrownBy(() -> rpc.call("faucet", "DBus3bamQjgJULBJtYXpEzDWQRwF5iwxgC", "1"))
        .isInstanceOfSatisfying(
            RpcErrorException.class,
            e -> assertThat(e.code()).isEqualTo(RpcErrorException.RPC_INVALID_ADDRESS_OR_KEY));
  }

  @Test
  void theNodeMinesOnItsOwnTimer(@TempDir Path other) throws Exception {
    try (DevNode timed =
        DevNode.start(
            DevNodeConfig.fromEnv(
                Map.of(
                    "DBAY_DOGE_DATA_DIR",
                    other.toString(),
                    "DBAY_DOGE_BLOCK_SECONDS",
                    "0.2",
                    "DBAY_DOGE_RPC_PORT",
                    "0")))) {
      DogecoinRpcClient client =
          new DogecoinRpcClient(
              RpcConfig.of(
                  "http://127.0.0.1:" + timed.port() + "/",
                  "dbay",
                  "dbay",
                  DogecoinNetwork.REGTEST));
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (client.getBlockCount() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(client.getBlockCount()).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aFollowerWalksForwardAndRollsBackOverAReorg() {
    com.dbay.dogecoin.rpc.BlockFollower follower = new com.dbay.dogecoin.rpc.BlockFollower(rpc);
    rpc.generateToAddress(2, signer.address(Bip44Path.receive(0, 50)).toBase58());
    com.dbay.dogecoin.rpc.ChainPoint cursor = follower.startingPoint(2);
    long start = cursor.height();
    cursor = drain(follower, cursor, new java.util.ArrayList<>());
    assertThat(cursor.height()).isEqualTo(rpc.getBlockCount());
    assertThat(cursor.height()).isEqualTo(start + 2);

    rpc.devReorg(2, false);
    List<String> undone = new java.util.ArrayList<>();
    cursor = drain(follower, cursor, undone);

    assertThat(undone).hasSize(2);
    assertThat(cursor.hash()).isEqualTo(rpc.getBestBlockHash());
    assertThat(cursor.height()).isEqualTo(start + 3);
    assertThat(follower.next(cursor)).isInstanceOf(com.dbay.dogecoin.rpc.BlockFollower.AtTip.class);
  }

  private static com.dbay.dogecoin.rpc.ChainPoint drain(
      com.dbay.dogecoin.rpc.BlockFollower follower,
      com.dbay.dogecoin.rpc.ChainPoint cursor,
      List<String> undone) {
    for (int i = 0; i < 100; i++) {
      switch (follower.next(cursor)) {
        case com.dbay.dogecoin.rpc.BlockFollower.Advance a -> cursor = a.to();
        case com.dbay.dogecoin.rpc.BlockFollower.Rollback r -> {
          undone.add(r.undone().hash());
          cursor = r.to();
        }
        case com.dbay.dogecoin.rpc.BlockFollower.AtTip t -> {
          return cursor;
        }
      }
    }
    throw new AssertionError("never reached the tip");
  }

  @Test
  void answersABatchWithOneResponsePerCallAndNamesItsChainLikeCore() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + node.port() + "/"))
            .header(
                "Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("u:p".getBytes()))
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "[{\"id\":1,\"method\":\"getblockcount\",\"params\":[]},{\"id\":2,\"method\":\"nope\"}]"))
            .build();
    var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    var body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
    assertThat(body.size()).isEqualTo(2);
    assertThat(body.get(0).path("result").asLong()).isEqualTo(rpc.getBlockCount());
    assertThat(body.get(1).path("error").path("code").asInt()).isEqualTo(-32601);
    assertThat(DogecoinNetwork.of(rpc.getBlockchainInfo().chain()))
        .isEqualTo(DogecoinNetwork.REGTEST);
  }
}
