package com.dbay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeTest {

  @Test
  void everyMethodOfTheRestApiIsGuardedByTheLambdaAuthorizer() {
    Map<String, JsonNode> methods = Cfn.resources("AWS::ApiGateway::Method");
    Map<String, JsonNode> authorizers = Cfn.resources("AWS::ApiGateway::Authorizer");
    assertThat(authorizers).hasSize(1);
    String authorizer = authorizers.keySet().iterator().next();
    // 8 services × (their root + {proxy+}) + /api/docs and /api/docs/{proxy+}
    assertThat(methods).hasSize(18);
    methods.forEach(
        (id, method) -> {
          JsonNode p = method.path("Properties");
          assertThat(p.path("AuthorizationType").asText()).as(id).isEqualTo("CUSTOM");
          assertThat(Cfn.refId(p.path("AuthorizerId"))).as(id).isEqualTo(authorizer);
        });
  }

  @Test
  void theAuthorizerRunsOnEveryRequestBecauseItsProofNamesPathAndTime() {
    JsonNode authorizer =
        Cfn.resources("AWS::ApiGateway::Authorizer").values().iterator().next().path("Properties");
    assertThat(authorizer.path("Type").asText()).isEqualTo("REQUEST");
    assertThat(authorizer.path("AuthorizerResultTtlInSeconds").asInt(-1)).isZero();
    assertThat(authorizer.path("IdentitySource").asText())
        .isEqualTo("method.request.header.Authorization");
    assertThat(authorizer.path("AuthorizerUri").toString())
        .contains(Cfn.logicalId(Synthesized.stack().serverless.function("authorizer")));
  }

  @Test
  void everyIntegrationSetsTheIdentityHeadersFromTheAuthorizerContext() {
    for (var e : Cfn.resources("AWS::ApiGateway::Method").entrySet()) {
      JsonNode parameters =
          e.getValue().path("Properties").path("Integration").path("RequestParameters");
      assertThat(parameters.path("integration.request.header.X-User-ID").asText())
          .as(e.getKey())
          .isEqualTo("context.authorizer.userId");
      assertThat(parameters.path("integration.request.header.X-Cognito-Sub").asText())
          .isEqualTo("context.authorizer.cognitoSub");
      assertThat(parameters.path("integration.request.header.X-Cognito-Username").asText())
          .isEqualTo("context.authorizer.username");
      assertThat(parameters.path("integration.request.header.X-Cognito-Email").asText())
          .isEqualTo("context.authorizer.email");
      assertThat(parameters.path("integration.request.header.X-Gateway-Signature").asText())
          .isEqualTo("context.authorizer.gatewaySignature");
      assertThat(parameters.path("integration.request.header.X-Gateway-Timestamp").asText())
          .isEqualTo("context.authorizer.gatewayTimestamp");
      assertThat(parameters.path("integration.request.header.X-User-Roles").asText())
          .isEqualTo("context.authorizer.roles");
    }
  }

  @Test
  void routesKeepTheirPathAndNoInternalEndpointIsAnApiResource() {
    List<String> paths = new ArrayList<>();
    Map<String, JsonNode> resources = Cfn.resources("AWS::ApiGateway::Resource");
    for (var e : Cfn.resources("AWS::ApiGateway::Method").entrySet()) {
      String path = path(e.getValue().path("Properties").path("ResourceId"), resources);
      paths.add(path);
      JsonNode integration = e.getValue().path("Properties").path("Integration");
      assertThat(integration.path("Type").asText()).isEqualTo("HTTP_PROXY");
      assertThat(integration.path("ConnectionType").asText()).isEqualTo("VPC_LINK");
      String uri = integration.path("Uri").toString();
      // The service sees the path the client sent: /api/v1/<service>/{proxy} → the same path.
      assertThat(uri).as(path).contains(path.replace("{proxy+}", "{proxy}"));
    }
    assertThat(paths)
        .contains(
            "/api/v1/listing/{proxy+}",
            "/api/v1/wallet",
            "/api/v1/user/{proxy+}",
            "/api/docs/{proxy+}");
    assertThat(paths).noneMatch(p -> p.contains("internal"));
  }

  @Test
  void theStageThrottlesLogsAndTracesAndAUsagePlanCapsApiKeyClients() {
    JsonNode stage =
        Cfn.resources("AWS::ApiGateway::Stage").values().iterator().next().path("Properties");
    JsonNode settings = stage.path("MethodSettings").get(0);
    assertThat(settings.path("ThrottlingRateLimit").asInt()).isPositive();
    assertThat(settings.path("ThrottlingBurstLimit").asInt()).isPositive();
    assertThat(settings.path("LoggingLevel").asText()).isEqualTo("INFO");
    assertThat(stage.path("TracingEnabled").asBoolean()).isTrue();
    assertThat(stage.path("AccessLogSetting").path("DestinationArn").isMissingNode()).isFalse();
    JsonNode plan =
        Cfn.resources("AWS::ApiGateway::UsagePlan").values().iterator().next().path("Properties");
    assertThat(plan.path("Throttle").path("RateLimit").asInt()).isPositive();
    assertThat(plan.path("Quota").path("Limit").asInt()).isPositive();
  }

  @Test
  void theWebSocketApiRoutesOnTheActionAndAuthorizesTheConnection() {
    JsonNode api =
        Cfn.resources("AWS::ApiGatewayV2::Api").values().iterator().next().path("Properties");
    assertThat(api.path("ProtocolType").asText()).isEqualTo("WEBSOCKET");
    assertThat(api.path("RouteSelectionExpression").asText()).isEqualTo("$request.body.action");
    Map<String, JsonNode> routes = new java.util.TreeMap<>();
    Cfn.resources("AWS::ApiGatewayV2::Route")
        .values()
        .forEach(
            r -> routes.put(r.path("Properties").path("RouteKey").asText(), r.path("Properties")));
    assertThat(routes).containsOnlyKeys("$connect", "$disconnect", "subscribe", "unsubscribe");
    assertThat(routes.get("$connect").path("AuthorizationType").asText()).isEqualTo("CUSTOM");
    JsonNode authorizer =
        Cfn.resources("AWS::ApiGatewayV2::Authorizer")
            .values()
            .iterator()
            .next()
            .path("Properties");
    assertThat(authorizer.path("IdentitySource").get(0).asText())
        .isEqualTo("route.request.querystring.token");
    assertThat(authorizer.path("AuthorizerUri").toString())
        .contains(Cfn.logicalId(Synthesized.stack().serverless.function("authorizer")));
    String handler = Cfn.logicalId(Synthesized.stack().serverless.function("websocket-handler"));
    Cfn.resources("AWS::ApiGatewayV2::Integration")
        .values()
        .forEach(
            i ->
                assertThat(i.path("Properties").path("IntegrationUri").toString())
                    .contains(handler));
  }

  @Test
  void cloudFrontServesTheSpaFromAPrivateBucketAndForwardsTheApi() {
    JsonNode config =
        Cfn.resources("AWS::CloudFront::Distribution")
            .values()
            .iterator()
            .next()
            .path("Properties")
            .path("DistributionConfig");
    assertThat(config.path("DefaultRootObject").asText()).isEqualTo("index.html");
    assertThat(config.path("DefaultCacheBehavior").path("ViewerProtocolPolicy").asText())
        .isEqualTo("redirect-to-https");
    assertThat(config.path("Origins").toString()).contains("OriginAccessControlId");
    JsonNode api = config.path("CacheBehaviors").get(0);
    assertThat(api.path("PathPattern").asText()).isEqualTo("/api/*");
    assertThat(api.path("AllowedMethods").toString()).contains("POST", "DELETE");
    assertThat(config.path("CustomErrorResponses").toString()).contains("/index.html");
    assertThat(config.path("Logging").path("Bucket").isMissingNode()).isFalse();
  }

  private static String path(JsonNode resourceRef, Map<String, JsonNode> resources) {
    StringBuilder path = new StringBuilder();
    JsonNode ref = resourceRef;
    while (ref.has("Ref") && resources.containsKey(ref.get("Ref").asText())) {
      JsonNode r = resources.get(ref.get("Ref").asText()).path("Properties");
      path.insert(0, "/" + r.path("PathPart").asText());
      ref = r.path("ParentId");
    }
    return path.toString();
  }
}
