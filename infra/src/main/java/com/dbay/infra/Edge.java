package com.dbay.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.WebSocketLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.ConnectionType;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.IdentitySource;
import software.amazon.awscdk.services.apigateway.Integration;
import software.amazon.awscdk.services.apigateway.IntegrationOptions;
import software.amazon.awscdk.services.apigateway.IntegrationType;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.Period;
import software.amazon.awscdk.services.apigateway.QuotaSettings;
import software.amazon.awscdk.services.apigateway.RequestAuthorizer;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.apigateway.ThrottleSettings;
import software.amazon.awscdk.services.apigateway.UsagePlanPerApiStage;
import software.amazon.awscdk.services.apigateway.UsagePlanProps;
import software.amazon.awscdk.services.apigateway.VpcLink;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRouteOptions;
import software.amazon.awscdk.services.apigatewayv2.WebSocketStage;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.ErrorResponse;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.RestApiOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The public edge. A REST API routes {@code /api/v1/<service>/...} unchanged to the services over a
 * VPC link; every method has the Lambda authorizer (result cache off, as the authorizer requires:
 * its proof names the path and the time), and the integration maps its context to the identity
 * headers the services verify. A WebSocket API serves {@code $connect}, {@code $disconnect}, {@code
 * subscribe} and {@code unsubscribe} with the websocket-handler. CloudFront serves the SPA from S3
 * and forwards {@code /api/*} to the REST API, so the app and its API share one origin.
 */
public final class Edge extends Construct {

  public static final String STAGE = "live";

  /** The authorizer's context → the headers the services' identity filter reads. */
  public static final Map<String, String> IDENTITY_HEADERS = identityHeaders();

  public final RestApi api;
  public final RequestAuthorizer authorizer;
  public final WebSocketApi webSocket;
  public final WebSocketStage webSocketStage;
  public final Distribution distribution;

  public record Inputs(
      Settings settings, Services services, Serverless serverless, Storage storage) {}

  public Edge(Construct scope, String id, Inputs in) {
    super(scope, id);
    Settings settings = in.settings();
    LogGroup accessLogs =
        LogGroup.Builder.create(this, "ApiAccessLogs")
            .retention(settings.prod() ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_MONTH)
            .build();
    api =
        RestApi.Builder.create(this, "Api")
            .restApiName("dbay-" + settings.envName())
            .description("DBay public API: /api/v1/<service>/...")
            .endpointTypes(List.of(EndpointType.REGIONAL))
            .cloudWatchRole(true)
            .deployOptions(
                StageOptions.builder()
                    .stageName(STAGE)
                    .throttlingRateLimit(settings.prod() ? 2000 : 200)
                    .throttlingBurstLimit(settings.prod() ? 4000 : 400)
                    .loggingLevel(MethodLoggingLevel.INFO)
                    .metricsEnabled(true)
                    .tracingEnabled(true)
                    .accessLogDestination(new LogGroupLogDestination(accessLogs))
                    .accessLogFormat(AccessLogFormat.jsonWithStandardFields())
                    .build())
            .build();

    authorizer =
        RequestAuthorizer.Builder.create(this, "Authorizer")
            .handler(in.serverless().function("authorizer"))
            .identitySources(List.of(IdentitySource.header("Authorization")))
            .resultsCacheTtl(Duration.seconds(0))
            .build();

    VpcLink link =
        VpcLink.Builder.create(this, "VpcLink").targets(List.of(in.services().nlb)).build();
    String base = "http://" + in.services().nlb.getLoadBalancerDnsName();

    Resource v1 = api.getRoot().addResource("api").addResource("v1");
    for (Parts.Service part : Parts.SERVICES) {
      if (part.api().isEmpty()) {
        continue;
      }
      Resource service = v1.addResource(part.api());
      route(service, base + "/api/v1/" + part.api(), link, false);
      route(
          service.addResource("{proxy+}"), base + "/api/v1/" + part.api() + "/{proxy}", link, true);
    }
    // The gateway part serves the aggregated OpenAPI documents.
    Resource docs = api.getRoot().getResource("api").addResource("docs");
    route(docs, base + "/api/docs", link, false);
    route(docs.addResource("{proxy+}"), base + "/api/docs/{proxy}", link, true);

    api.addUsagePlan(
        "Standard",
        UsagePlanProps.builder()
            .name("dbay-" + settings.envName() + "-standard")
            .description(
                "per-client throttle and daily quota for API-key clients (the SPA is throttled by the stage)")
            .throttle(ThrottleSettings.builder().rateLimit(100).burstLimit(200).build())
            .quota(QuotaSettings.builder().limit(100_000).period(Period.DAY).build())
            .apiStages(
                List.of(
                    UsagePlanPerApiStage.builder()
                        .api(api)
                        .stage(api.getDeploymentStage())
                        .build()))
            .build());

    // WebSocket: routes on $request.body.action; the same authorizer on $connect (token in the
    // query).
    var handler = in.serverless().function("websocket-handler");
    webSocket =
        WebSocketApi.Builder.create(this, "WebSocket")
            .apiName("dbay-" + settings.envName() + "-ws")
            .routeSelectionExpression("$request.body.action")
            .connectRouteOptions(
                WebSocketRouteOptions.builder()
                    .integration(new WebSocketLambdaIntegration("Connect", handler))
                    .authorizer(
                        new WebSocketLambdaAuthorizer(
                            "Authorizer",
                            in.serverless().function("authorizer"),
                            WebSocketLambdaAuthorizerProps.builder()
                                .identitySource(List.of("route.request.querystring.token"))
                                .build()))
                    .build())
            .disconnectRouteOptions(
                WebSocketRouteOptions.builder()
                    .integration(new WebSocketLambdaIntegration("Disconnect", handler))
                    .build())
            .build();
    for (String action : List.of("subscribe", "unsubscribe")) {
      webSocket.addRoute(
          action,
          WebSocketRouteOptions.builder()
              .integration(new WebSocketLambdaIntegration(action, handler))
              .build());
    }
    webSocketStage =
        WebSocketStage.Builder.create(this, "WebSocketStage")
            .webSocketApi(webSocket)
            .stageName(STAGE)
            .autoDeploy(true)
            .throttle(
                software.amazon.awscdk.services.apigatewayv2.ThrottleSettings.builder()
                    .rateLimit(settings.prod() ? 1000 : 100)
                    .burstLimit(settings.prod() ? 2000 : 200)
                    .build())
            .build();
    LogGroup wsLogs =
        LogGroup.Builder.create(this, "WebSocketAccessLogs")
            .retention(settings.prod() ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_MONTH)
            .build();
    ((CfnStage) webSocketStage.getNode().getDefaultChild())
        .setAccessLogSettings(
            CfnStage.AccessLogSettingsProperty.builder()
                .destinationArn(wsLogs.getLogGroupArn())
                .format(
                    "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\",\"route\":\"$context.routeKey\","
                        + "\"status\":\"$context.status\",\"connectionId\":\"$context.connectionId\"}")
                .build());
    webSocket.grantManageConnections(in.serverless().role("websocket-handler"));

    // CloudFront: the SPA (client-side routes fall back to index.html) and /api/* on the same
    // origin.
    distribution =
        Distribution.Builder.create(this, "Cdn")
            .comment("DBay web app and API (" + settings.envName() + ")")
            .defaultRootObject("index.html")
            .httpVersion(HttpVersion.HTTP2_AND_3)
            .priceClass(settings.prod() ? PriceClass.PRICE_CLASS_ALL : PriceClass.PRICE_CLASS_100)
            .enableLogging(true)
            .logBucket(in.storage().logs)
            .logFilePrefix("cloudfront/")
            .defaultBehavior(
                BehaviorOptions.builder()
                    .origin(S3BucketOrigin.withOriginAccessControl(in.storage().spa))
                    .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                    .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                    .build())
            .additionalBehaviors(
                Map.of(
                    "/api/*",
                    BehaviorOptions.builder()
                        .origin(RestApiOrigin.Builder.create(api).build())
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .allowedMethods(AllowedMethods.ALLOW_ALL)
                        .cachePolicy(CachePolicy.CACHING_DISABLED)
                        .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                        .build()))
            .errorResponses(
                List.of(
                    ErrorResponse.builder()
                        .httpStatus(403)
                        .responseHttpStatus(200)
                        .responsePagePath("/index.html")
                        .ttl(Duration.seconds(0))
                        .build(),
                    ErrorResponse.builder()
                        .httpStatus(404)
                        .responseHttpStatus(200)
                        .responsePagePath("/index.html")
                        .ttl(Duration.seconds(0))
                        .build()))
            .build();
  }

  private void route(Resource resource, String uri, VpcLink link, boolean proxy) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (proxy) {
      parameters.put("integration.request.path.proxy", "method.request.path.proxy");
    }
    IDENTITY_HEADERS.forEach(
        (header, context) ->
            parameters.put(
                "integration.request.header." + header, "context.authorizer." + context));
    Integration integration =
        Integration.Builder.create()
            .type(IntegrationType.HTTP_PROXY)
            .integrationHttpMethod("ANY")
            .uri(uri)
            .options(
                IntegrationOptions.builder()
                    .connectionType(ConnectionType.VPC_LINK)
                    .vpcLink(link)
                    .requestParameters(parameters)
                    .timeout(Duration.seconds(29))
                    .build())
            .build();
    resource.addMethod(
        "ANY",
        integration,
        MethodOptions.builder()
            .authorizer(authorizer)
            .authorizationType(AuthorizationType.CUSTOM)
            .requestParameters(proxy ? Map.of("method.request.path.proxy", true) : Map.of())
            .build());
  }

  private static Map<String, String> identityHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-User-ID", "userId");
    headers.put("X-Cognito-Sub", "cognitoSub");
    headers.put("X-Cognito-Username", "username");
    headers.put("X-Cognito-Email", "email");
    headers.put("X-User-Roles", "roles");
    headers.put("X-Gateway-Timestamp", "gatewayTimestamp");
    headers.put("X-Gateway-Signature", "gatewaySignature");
    return Map.copyOf(headers).isEmpty() ? headers : java.util.Collections.unmodifiableMap(headers);
  }
}
