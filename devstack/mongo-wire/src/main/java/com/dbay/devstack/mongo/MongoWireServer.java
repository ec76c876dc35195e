package com.dbay.devstack.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a MongoDB-wire server: {@code MongoWireServer <port> [h2-file]}. With a file the data
 * survives restarts (./dbay up); without one it lives in memory (tests).
 */
public final class MongoWireServer {

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 27017;
    String file = args.length > 1 ? args[1] : null;
    MongoServer server = start("127.0.0.1", port, file);
    System.out.println(
        "mongo-wire listening on "
            + server.getLocalAddress()
            + (file != null ? " file " + file : " in memory"));
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-wire-shutdown"));
    new CountDownLatch(1).await();
  }

  /**
   * Binds a server on {@code host:port} (port 0 picks a free one); {@code file} null keeps data in
   * memory.
   */
  public static MongoServer start(String host, int port, String file) {
    MongoBackend backend =
        file != null ? new HelloAwareBackends.H2(file) : new HelloAwareBackends.Memory();
    MongoServer server = new MongoServer(backend);
    server.bind(new InetSocketAddress(host, port));
    return server;
  }

  private MongoWireServer() {}
}
