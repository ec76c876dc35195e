package com.dbay.devstack.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a MongoDB-wire server: {@code MongoWireServer <port> [h2-file]}. With a file the data
 * survives restarts (./dbay up); without one it lives in memory (tests).
 */
public final class MongoWireServer {

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 27017;
    MongoServer server =
        args.length > 1 ? new MongoServer(new H2Backend(args[1])) : new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", port);
    System.out.println("mongo-wire listening on 127.0.0.1:" + port + (args.length > 1 ? " file " + args[1] : " in memory"));
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-wire-shutdown"));
    new CountDownLatch(1).await();
  }

  private MongoWireServer() {}
}
