package com.dbay.infra;

import java.util.List;

/** The deployable parts: the container services and the Lambda functions, as tables. */
public final class Parts {

  private Parts() {}

  /**
   * A Spring Boot part that runs on ECS Fargate.
   *
   * @param name part name (module folder, Cloud Map name, container name)
   * @param port its {@code server.port} default
   * @param api the segment after {@code /api/v1/} that API Gateway routes to it (empty: not routed)
   * @param memoryMiB task memory; the JVM heap is sized from it by the image's flags
   */
  public record Service(String name, int port, String api, int memoryMiB) {
    public String module() {
      return name;
    }

    /** Where other parts reach it inside the VPC (Cloud Map private DNS). */
    public String internalUrl() {
      return "http://" + name + "." + NAMESPACE + ":" + port;
    }
  }

  /** The private DNS namespace the services register in. */
  public static final String NAMESPACE = "dbay.internal";

  /**
   * A Lambda function built from a shaded jar (classifier {@code lambda}).
   *
   * @param name function name as the ASL files and the local runtime call it
   * @param module its Maven module under lambdas/
   * @param handler the handler class
   * @param memoryMiB memory (and so CPU)
   * @param timeoutSeconds timeout
   */
  public record Function(
      String name, String module, String handler, int memoryMiB, int timeoutSeconds) {
    public String jar() {
      return "lambdas/" + module + "/target/dbay-lambda-" + module + "-0.1.0-SNAPSHOT-lambda.jar";
    }

    /**
     * The name a {@code ${...Arn}} substitution gives it: deposit-confirmations →
     * DepositConfirmationsFunctionArn.
     */
    public String substitution() {
      StringBuilder out = new StringBuilder();
      for (String word : name.split("-")) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
      return out.append("FunctionArn").toString();
    }
  }

  public static final List<Service> SERVICES =
      List.of(
          new Service("gateway", 8000, "", 1024),
          new Service("listing-service", 8001, "listing", 1024),
          new Service("auction-service", 8002, "auction", 1024),
          new Service("wallet-service", 8003, "wallet", 1024),
          new Service("user-service", 8004, "user", 1024),
          new Service("order-service", 8005, "order", 1024),
          new Service("notification-service", 8010, "notification", 1024),
          new Service("search-service", 8011, "search", 1024),
          new Service("messaging-service", 8012, "messaging", 1024));

  private static final String PKG = "com.dbay.lambda.";

  public static final List<Function> FUNCTIONS =
      List.of(
          new Function("authorizer", "authorizer", PKG + "authorizer.AuthorizerHandler", 1024, 10),
          new Function(
              "image-processor",
              "image-processor",
              PKG + "imageprocessor.ImageProcessorHandler",
              1536,
              60),
          new Function(
              "auction-closer",
              "auction-closer",
              PKG + "auctioncloser.AuctionCloserHandler",
              512,
              50),
          new Function(
              "auction-settlement",
              "auction-closer",
              PKG + "auctioncloser.AuctionSettlementHandler",
              512,
              30),
          new Function(
              "deposit-watcher",
              "deposit-watcher",
              PKG + "depositwatcher.DepositWatcherHandler",
              512,
              55),
          new Function(
              "deposit-confirmations",
              "deposit-watcher",
              PKG + "depositwatcher.DepositConfirmationHandler",
              512,
              30),
          new Function(
              "search-indexer",
              "search-indexer",
              PKG + "searchindexer.SearchIndexerHandler",
              512,
              30),
          new Function(
              "websocket-handler",
              "websocket-handler",
              PKG + "websockethandler.WebSocketHandler",
              512,
              10),
          new Function(
              "blockchain-broadcaster",
              "blockchain-broadcaster",
              PKG + "blockchainbroadcaster.BlockchainBroadcasterHandler",
              512,
              30));

  public static Function function(String name) {
    return FUNCTIONS.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no function " + name));
  }

  public static Service service(String name) {
    return SERVICES.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name));
  }
}
