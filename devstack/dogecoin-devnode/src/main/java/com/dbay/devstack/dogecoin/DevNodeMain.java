package com.dbay.devstack.dogecoin;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar dogecoin-devnode.jar}; settings from the environment (see {@link
 * DevNodeConfig}).
 */
public final class DevNodeMain {

  private DevNodeMain() {}

  public static void main(String[] args) throws Exception {
    DevNodeConfig config = DevNodeConfig.fromEnv(System.getenv());
    DevNode node = DevNode.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  stopped.countDown();
                }));
    stopped.await();
  }
}
