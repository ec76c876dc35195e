package com.dbay.lambda.websockethandler;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Sends a frame the services published on Redis ({@code dbay:ws:<channel>}) to every API Gateway
 * connection following that channel, with the Management API's {@code PostToConnection}. A
 * connection API Gateway no longer knows (410 Gone: the client left without a {@code $disconnect})
 * is removed from the registry.
 */
public final class Fanout {

  static final String PREFIX = "dbay:ws:";

  /** What one frame did. */
  public record Delivery(int sent, int gone, int failed) {}

  private final Connections connections;
  private final ApiGatewayManagementApiClient api;

  public Fanout(Connections connections, ApiGatewayManagementApiClient api) {
    this.connections = connections;
    this.api = api;
  }

  public Delivery deliver(String redisChannel, String frame) {
    if (!redisChannel.startsWith(PREFIX)) {
      return new Delivery(0, 0, 0);
    }
    SdkBytes data = SdkBytes.fromUtf8String(frame);
    int sent = 0, gone = 0, failed = 0;
    for (String id : connections.following(redisChannel.substring(PREFIX.length()))) {
      try {
        api.postToConnection(r -> r.connectionId(id).data(data));
        sent++;
      } catch (GoneException e) {
        connections.disconnected(id);
        gone++;
      } catch (RuntimeException e) {
        // One connection's trouble never stops the frame reaching the others.
        failed++;
      }
    }
    return new Delivery(sent, gone, failed);
  }
}
