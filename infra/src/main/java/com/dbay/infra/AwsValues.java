package com.dbay.infra;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.Secret;

/**
 * The value each {@code DBAY_*} variable takes in AWS, for one service. A service is given only the
 * variables it reads (its application.yml, plus {@link #PLATFORM}); a variable with no AWS value
 * keeps its default, and {@code InfraVariablesTest} fails when that default points at 127.0.0.1.
 */
final class AwsValues {

  /** Read by every part through the platform starter (identity proof, event bus, logs). */
  static final List<String> PLATFORM =
      List.of("DBAY_GATEWAY_SECRET", "DBAY_EVENTS_BUS", "DBAY_EVENTS_EVENTBRIDGE_BUSNAME");

  /** The service-call keys the starter reads, one variable per caller ({@link CallerKeyTable}). */
  static boolean platformReads(String variable) {
    return PLATFORM.contains(variable) || variable.startsWith(CallerKeyTable.VARIABLE_PREFIX);
  }

  private final Services.Inputs in;
  private final Parts.Service part;

  AwsValues(Services.Inputs in, Parts.Service part) {
    this.in = in;
    this.part = part;
  }

  Optional<String> plain(String variable) {
    Data data = in.data();
    String region = Stack.of(data).getRegion();
    return Optional.ofNullable(
        switch (variable) {
          case "DBAY_PG_HOST" -> data.postgres.getDbInstanceEndpointAddress();
          case "DBAY_PG_PORT" -> data.postgres.getDbInstanceEndpointPort();
          case "DBAY_PG_DB_PREFIX" -> "dbay_";
          case "DBAY_OPENSEARCH_URL" -> "https://" + data.search.getDomainEndpoint();
          case "DBAY_MEMCACHED_SERVERS" -> data.memcachedServers();
          case "DBAY_EVENTS_BUS" -> "eventbridge";
          case "DBAY_EVENTS_EVENTBRIDGE_BUSNAME" -> in.events().bus.getEventBusName();
          case "DBAY_S3_IMAGE_BUCKET" -> in.storage().images.getBucketName();
          // Dispute evidence: the private image bucket, under disputes/ (no notification there).
          case "DBAY_S3_EVIDENCE_BUCKET" -> in.storage().images.getBucketName();
          case "DBAY_S3_REGION" -> region;
          case "DBAY_SQS_REGION", "DBAY_SES_REGION" -> region;
          case "DBAY_NOTIFICATION_EMAIL_FROM" -> in.settings().senderEmail();
          case "DBAY_SQS_NOTIFICATION_QUEUE" -> in.events().notifications.getQueueName();
          case "DBAY_SQS_NOTIFICATION_DLQ" -> in.events().notificationsDeadLetters.getQueueName();
          // Browser push only to the browsers' own push services, over https (no SSRF by a
          // subscription naming an address inside the VPC).
          case "DBAY_NOTIFICATION_PUSH_ALLOW_HTTP" -> "false";
          case "DBAY_NOTIFICATION_PUSH_ALLOWED_HOSTS" ->
              "fcm.googleapis.com,push.services.mozilla.com,notify.windows.com,push.apple.com";
          case "DBAY_DOGE_RPC_URL" -> in.settings().dogeRpcUrl();
          case "DBAY_DOGE_NETWORK" -> in.settings().dogeNetwork();
          case "DBAY_WALLET_ACCOUNT_XPUB" ->
              in.settings().walletAccountXpub().isEmpty()
                  ? null
                  : in.settings().walletAccountXpub();
          // The gateway in AWS checks Cognito's id tokens (it serves /api/docs behind API Gateway).
          case "DBAY_JWT_MODE" -> part.name().equals("gateway") ? "cognito" : null;
          case "DBAY_JWT_ISSUER" -> part.name().equals("gateway") ? in.identity().issuer() : null;
          case "DBAY_JWT_JWKS_URI" -> in.identity().issuer() + "/.well-known/jwks.json";
          case "DBAY_JWT_AUDIENCES" -> String.join(",", in.identity().clientIds());
          case "DBAY_JWT_TOKEN_USES" -> "id";
          case "DBAY_SPA_DIR" -> "/app/spa";
          // A task listens on its own ENI in a private subnet; 127.0.0.1 would shut out the load
          // balancer.
          case "DBAY_BIND_ADDRESS", "DBAY_PUBLIC_BIND" -> "0.0.0.0";
          default -> serviceUrl(variable);
        });
  }

  Optional<Secret> secret(String variable) {
    Data data = in.data();
    return Optional.ofNullable(
        switch (variable) {
          case "DBAY_PG_USER" -> Secret.fromSecretsManager(data.postgres.getSecret(), "username");
          case "DBAY_PG_PASSWORD" ->
              Secret.fromSecretsManager(data.postgres.getSecret(), "password");
          case "DBAY_REDIS_URL" -> Secret.fromSecretsManager(data.redisUrl);
          case "DBAY_MONGO_URI" -> Secret.fromSecretsManager(data.mongoUri);
          case "DBAY_GATEWAY_SECRET" -> Secret.fromSecretsManager(in.secrets().gatewaySecret);
          case "DBAY_DOGE_RPC_USER" -> Secret.fromSecretsManager(in.secrets().dogeRpc, "username");
          case "DBAY_DOGE_RPC_PASSWORD" ->
              Secret.fromSecretsManager(in.secrets().dogeRpc, "password");
          default -> null;
        });
  }

  /** DBAY_LISTING_URL → the listing-service's Cloud Map address, and so on for every service. */
  private static String serviceUrl(String variable) {
    if (!variable.endsWith("_URL")) {
      return null;
    }
    String api =
        variable.substring("DBAY_".length(), variable.length() - "_URL".length()).toLowerCase();
    return Parts.SERVICES.stream()
        .filter(s -> s.api().equals(api))
        .findFirst()
        .map(Parts.Service::internalUrl)
        .orElse(null);
  }
}
