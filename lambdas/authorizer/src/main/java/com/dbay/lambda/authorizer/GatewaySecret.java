package com.dbay.lambda.authorizer;

import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The HMAC key shared with the services: {@code DBAY_GATEWAY_SECRET} when set (local runtime,
 * tests), else read once per cold start from Secrets Manager ({@code DBAY_GATEWAY_SECRET_ARN}).
 */
final class GatewaySecret {

  private GatewaySecret() {}

  static String from(Map<String, String> env) {
    String direct = env.get("DBAY_GATEWAY_SECRET");
    if (direct != null && !direct.isBlank()) {
      return direct;
    }
    String arn = env.get("DBAY_GATEWAY_SECRET_ARN");
    if (arn == null || arn.isBlank()) {
      throw new IllegalStateException(
          "the authorizer needs DBAY_GATEWAY_SECRET or DBAY_GATEWAY_SECRET_ARN");
    }
    try (SecretsManagerClient client =
        SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
      return client.getSecretValue(r -> r.secretId(arn)).secretString();
    }
  }
}
