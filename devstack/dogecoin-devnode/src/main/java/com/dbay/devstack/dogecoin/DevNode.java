package com.dbay.devstack.dogecoin;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The chain, its JSON-RPC server and the block timer, started and stopped together. */
public final class DevNode implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DevNode.class);

  private final DevChain chain;
  private final RpcServer server;
  private final ScheduledExecutorService miner;

  private DevNode(DevChain chain, RpcServer server, ScheduledExecutorService miner) {
    this.chain = chain;
    this.server = server;
    this.miner = miner;
  }

  public static DevNode start(DevNodeConfig config) throws IOException {
    DevChain chain = new DevChain(config, Clock.systemUTC());
    chain.open();
    RpcServer server = new RpcServer(chain, config);
    server.start();
    ScheduledExecutorService miner = null;
    long ms = config.blockInterval().toMillis();
    if (ms > 0) {
      miner =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "devnode-miner");
                t.setDaemon(true);
                return t;
              });
      miner.scheduleAtFixedRate(
          () -> {
            try {
              chain.generate(1, null);
            } catch (RuntimeException e) {
              log.warn("mining failed", e);
            }
          },
          ms,
          ms,
          TimeUnit.MILLISECONDS);
    }
    log.info(
        "Dogecoin dev node ({}) listening on {}:{}, a block every {}",
        config.network().chainName(),
        config.bindAddress(),
        server.port(),
        ms > 0 ? config.blockInterval() : "request");
    return new DevNode(chain, server, miner);
  }

  public DevChain chain() {
    return chain;
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    if (miner != null) {
      miner.shutdownNow();
    }
    server.close();
  }
}
