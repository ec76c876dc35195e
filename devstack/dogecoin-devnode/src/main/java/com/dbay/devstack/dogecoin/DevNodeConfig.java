package com.dbay.devstack.dogecoin;

import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.platform.money.Doge;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings, from environment variables (all optional).
 *
 * <pre>
 * DBAY_DOGE_RPC_PORT        22555            JSON-RPC port
 * DBAY_DOGE_RPC_BIND        127.0.0.1        bind address
 * DBAY_DOGE_RPC_USER        dbay             basic-auth user
 * DBAY_DOGE_RPC_PASSWORD    dbay             basic-auth password (the public default: ./dbay up generates one)
 * DBAY_DOGE_RPC_PASSWORD_FILE                 a file holding the password instead (how ./dbay passes it)
 * DBAY_DOGE_DATA_DIR        .dbay/dogecoin   where the chain is kept (chain.dat, mempool.dat)
 * DBAY_DOGE_BLOCK_SECONDS   5                mine a block every N seconds; 0 mines only on request
 * DBAY_DOGE_NETWORK         regtest          regtest (addresses m…/n…) or testnet (n…) or mainnet (D…)
 * DBAY_DOGE_MIN_FEE_PER_KB  0.01             DOGE per 1,000 bytes of exact size a transaction must pay
 * DBAY_DOGE_BLOCK_REWARD    10000            DOGE paid by each block's coinbase to the miner address
 * </pre>
 */
public record DevNodeConfig(
    int port,
    String bindAddress,
    String rpcUser,
    String rpcPassword,
    Path dataDir,
    Duration blockInterval,
    DogecoinNetwork network,
    long minFeePerKb,
    long hardDust,
    long softDust,
    long blockReward) {

  public static DevNodeConfig fromEnv(Map<String, String> env) {
    return new DevNodeConfig(
        Integer.parseInt(env.getOrDefault("DBAY_DOGE_RPC_PORT", "22555")),
        env.getOrDefault("DBAY_DOGE_RPC_BIND", "127.0.0.1"),
        env.getOrDefault("DBAY_DOGE_RPC_USER", "dbay"),
        password(env),
        Path.of(env.getOrDefault("DBAY_DOGE_DATA_DIR", ".dbay/dogecoin")),
        Duration.ofMillis(
            (long) (Double.parseDouble(env.getOrDefault("DBAY_DOGE_BLOCK_SECONDS", "5")) * 1000)),
        DogecoinNetwork.of(env.getOrDefault("DBAY_DOGE_NETWORK", "regtest")),
        Doge.parse(env.getOrDefault("DBAY_DOGE_MIN_FEE_PER_KB", "0.01")).koinu(),
        Doge.parse("0.001").koinu(),
        Doge.parse("0.01").koinu(),
        Doge.parse(env.getOrDefault("DBAY_DOGE_BLOCK_REWARD", "10000")).koinu());
  }

  private static String password(Map<String, String> env) {
    String file = env.get("DBAY_DOGE_RPC_PASSWORD_FILE");
    if (file != null && !file.isBlank()) {
      try {
        return java.nio.file.Files.readString(Path.of(file.strip())).strip();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(
            "cannot read DBAY_DOGE_RPC_PASSWORD_FILE " + file, e);
      }
    }
    return env.getOrDefault("DBAY_DOGE_RPC_PASSWORD", "dbay");
  }

  @Override
  public String toString() {
    return "DevNodeConfig[port="
        + port
        + ", bind="
        + bindAddress
        + ", user="
        + rpcUser
        + ", password=<redacted>"
        + ", dataDir="
        + dataDir
        + ", blockInterval="
        + blockInterval
        + ", network="
        + network.chainName()
        + ", minFeePerKb="
        + Doge.ofKoinu(minFeePerKb).toString()
        + ", blockReward="
        + Doge.ofKoinu(blockReward).toString()
        + "]";
  }
}
