package com.dbay.wallet;

import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.rpc.DogecoinRpcClient;
import com.dbay.dogecoin.rpc.RpcConfig;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local Dogecoin dev node (devstack/dogecoin-devnode's built jar) as a process of its own, on a
 * free port, regtest, mining only on request (block time 0), its chain in {@code dataDir}. For the
 * ITs that talk to a node exactly as the wallet and the serverless functions do, over JSON-RPC.
 */
public final class DevNodeProcess {

  private final Process process;
  private final String url;
  private final DogecoinRpcClient rpc;

  private DevNodeProcess(Process process, String url) {
    this.process = process;
    this.url = url;
    this.rpc = new DogecoinRpcClient(RpcConfig.of(url, "dbay", "dbay", DogecoinNetwork.REGTEST));
  }

  /**
   * Starts the node and waits (up to 60 s) until it answers; its output goes to {@code
   * target/<logName>}.
   */
  public static DevNodeProcess start(Path dataDir, String logName) throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("../devstack/dogecoin-devnode/target"))) {
      jar =
          files
              .filter(p -> p.getFileName().toString().matches("dogecoin-devnode-.*\\.jar"))
              .findFirst()
              .orElseThrow();
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(new File("target/" + logName));
    builder
        .environment()
        .putAll(
            Map.of(
                "DBAY_DOGE_DATA_DIR",
                dataDir.toString(),
                "DBAY_DOGE_BLOCK_SECONDS",
                "0",
                "DBAY_DOGE_RPC_PORT",
                Integer.toString(port),
                "DBAY_DOGE_RPC_USER",
                "dbay",
                "DBAY_DOGE_RPC_PASSWORD",
                "dbay",
                "DBAY_DOGE_NETWORK",
                "regtest"));
    DevNodeProcess node = new DevNodeProcess(builder.start(), "http://127.0.0.1:" + port + "/");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try {
        node.rpc.getBlockCount();
        return node;
      } catch (RuntimeException notYet) {
        if (System.nanoTime() > deadline || !node.process.isAlive()) {
          node.stop();
          throw new IllegalStateException(
              "the dev node did not start; see target/" + logName, notYet);
        }
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  public String url() {
    return url;
  }

  public DogecoinRpcClient rpc() {
    return rpc;
  }

  public void stop() {
    process.destroy();
  }
}
