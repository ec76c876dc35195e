package com.dbay.devstack.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server 1.47 knows the legacy {@code isMaster} but not its successor {@code hello},
 * which current drivers and Spring Boot's Mongo health indicator send. Both backends answer {@code
 * hello} as {@code isMaster} plus the field newer clients read. Subclasses (not a proxy), because
 * OP_MSG commands reach {@code handleCommand} from inside the backend itself.
 */
final class HelloAwareBackends {

  static final class H2 extends H2Backend {
    H2(String file) {
      super(file);
    }

    @Override
    public Document handleCommand(
        Channel channel, String database, String command, Document query) {
      return isHello(command)
          ? asHello(super.handleCommand(channel, database, "isMaster", query))
          : super.handleCommand(channel, database, command, query);
    }
  }

  static final class Memory extends MemoryBackend {
    @Override
    public Document handleCommand(
        Channel channel, String database, String command, Document query) {
      return isHello(command)
          ? asHello(super.handleCommand(channel, database, "isMaster", query))
          : super.handleCommand(channel, database, command, query);
    }
  }

  static boolean isHello(String command) {
    return "hello".equalsIgnoreCase(command);
  }

  static Document asHello(Document isMasterReply) {
    isMasterReply.put("isWritablePrimary", isMasterReply.getOrDefault("ismaster", true));
    return isMasterReply;
  }

  private HelloAwareBackends() {}
}
