package com.dbay.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.dbay.lambda.authorizer.AuthorizerConfig;
import com.dbay.lambda.authorizer.AuthorizerHandler;
import com.dbay.lambda.authorizer.HttpUserResolver;
import com.dbay.lambda.authorizer.TokenVerifier;
import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.IdentityHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * cognito-local as the issuer: a user signs in through the Cognito API (InitiateAuth,
 * USER_PASSWORD_AUTH), and the id token it returns is accepted by the gateway (Cognito mode) and by
 * the Lambda authorizer; through both, {@code /users/me/} of the real user-service resolves the
 * same app user, created on first sight of the Cognito identity.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CognitoLocalCompatibilityIT {

  static final String SECRET = "cognito-local-it-secret-0123456789abcdefghij";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Setup SETUP = Setup.create();

  @LocalServerPort int port;

  /** cognito-local with a pool, an app client and a signed-in user; the real user-service. */
  record Setup(
      CognitoLocal cognito,
      UserServiceProcess userService,
      String poolId,
      String clientId,
      String email,
      String idToken,
      String accessToken) {

    static Setup create() {
      CognitoLocal cognito = null;
      try {
        cognito = CognitoLocal.start();
        String poolId =
            cognito
                .call("CreateUserPool", Map.of("PoolName", "dbay-it"))
                .get("UserPool")
                .get("Id")
                .asString();
        String clientId =
            cognito
                .call(
                    "CreateUserPoolClient",
                    Map.of(
                        "UserPoolId",
                        poolId,
                        "ClientName",
                        "dbay-web",
                        "ExplicitAuthFlows",
                        List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")))
                .get("UserPoolClient")
                .get("ClientId")
                .asString();
        String email = "dora-" + UUID.randomUUID().toString().substring(0, 8) + "@cognito.dbay";
        cognito.call(
            "SignUp",
            Map.of(
                "ClientId",
                clientId,
                "Username",
                email,
                "Password",
                "Dora-pass-123!",
                "UserAttributes",
                List.of(Map.of("Name", "email", "Value", email))));
        cognito.call("AdminConfirmSignUp", Map.of("UserPoolId", poolId, "Username", email));
        JsonNode auth =
            cognito
                .call(
                    "InitiateAuth",
                    Map.of(
                        "ClientId",
                        clientId,
                        "AuthFlow",
                        "USER_PASSWORD_AUTH",
                        "AuthParameters",
                        Map.of("USERNAME", email, "PASSWORD", "Dora-pass-123!")))
                .get("AuthenticationResult");
        UserServiceProcess userService = UserServiceProcess.start(SECRET);
        return new Setup(
            cognito,
            userService,
            poolId,
            clientId,
            email,
            auth.get("IdToken").asString(),
            auth.get("AccessToken").asString());
      } catch (Exception e) {
        if (cognito != null) {
          cognito.close();
        }
        throw new IllegalStateException("cannot set up cognito-local and user-service", e);
      }
    }
  }

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    for (String service :
        new String[] {
          "listing", "auction", "wallet", "user", "order", "notification", "search", "messaging"
        }) {
      registry.add("dbay.gateway.services." + service, SETUP.userService()::url);
    }
    registry.add("dbay.gateway.secret", () -> SECRET);
    registry.add("dbay.gateway.jwt.mode", () -> "cognito");
    registry.add("dbay.gateway.jwt.issuer", () -> SETUP.cognito().issuer(SETUP.poolId()));
    registry.add("dbay.gateway.jwt.jwks-uri", () -> SETUP.cognito().jwks(SETUP.poolId()));
    registry.add("dbay.gateway.jwt.audiences", SETUP::clientId);
    registry.add("dbay.gateway.jwt.token-uses", () -> "id");
  }

  @AfterAll
  static void stop() {
    SETUP.userService().close();
    SETUP.cognito().close();
  }

  HttpResponse<String> throughGateway(String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/user/users/me/"))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  AuthorizerHandler authorizer(boolean resolve) {
    AuthorizerConfig config =
        AuthorizerConfig.from(
            Map.of(
                "COGNITO_ISSUER", SETUP.cognito().issuer(SETUP.poolId()),
                "COGNITO_JWKS_URL", SETUP.cognito().jwks(SETUP.poolId()),
                "COGNITO_CLIENT_IDS", SETUP.clientId(),
                "DBAY_GATEWAY_SECRET", SECRET));
    GatewayProof proof = new GatewayProof(SECRET);
    return new AuthorizerHandler(
        new TokenVerifier(config),
        resolve
            ? new HttpUserResolver(SETUP.userService().url(), proof, Duration.ofMinutes(5))
            : null,
        proof);
  }

  static APIGatewayCustomAuthorizerEvent restEvent(String token) {
    APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
    event.setType("REQUEST");
    event.setMethodArn(
        "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/api/v1/user/users/me/");
    event.setHttpMethod("GET");
    event.setPath("/api/v1/user/users/me/");
    event.setHeaders(new HashMap<>(Map.of("Authorization", "Bearer " + token)));
    return event;
  }

  /** What API Gateway does with the authorizer's context: map it onto the identity headers. */
  static HttpResponse<String> asApiGatewayWould(Map<String, Object> context) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(SETUP.userService().url() + "/api/v1/user/users/me/"));
    Map<String, String> mapping =
        Map.of(
            IdentityHeaders.USER_ID,
            "userId",
            IdentityHeaders.COGNITO_SUB,
            "cognitoSub",
            IdentityHeaders.COGNITO_USERNAME,
            "username",
            IdentityHeaders.COGNITO_EMAIL,
            "email",
            IdentityHeaders.ROLES,
            "roles",
            IdentityHeaders.PROOF_TIMESTAMP,
            "gatewayTimestamp",
            IdentityHeaders.PROOF_SIGNATURE,
            "gatewaySignature");
    mapping.forEach(
        (header, key) -> {
          String value = (String) context.get(key);
          if (value != null && !value.isEmpty()) {
            request.header(header, value);
          }
        });
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theGatewayAcceptsACognitoIdTokenAndMeResolvesTheUser() throws Exception {
    HttpResponse<String> response = throughGateway(SETUP.idToken());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode me = StubServices.JSON.readTree(response.body());
    assertThat(me.get("email").asString()).isEqualTo(SETUP.email());
    assertThat(me.get("username").asString()).startsWith("dora-");
    assertThat(me.get("roles").toString()).isEqualTo("[\"USER\"]");
  }

  @Test
  void theGatewayRefusesCognitoLocalsAccessTokenWhereIdTokensAreExpected() throws Exception {
    assertThat(throughGateway(SETUP.accessToken()).statusCode()).isEqualTo(401);
  }

  @Test
  void theAuthorizerAcceptsTheSameIdTokenAndTheServiceSeesTheSameUser() throws Exception {
    IamPolicyResponse policy = authorizer(true).handleRequest(restEvent(SETUP.idToken()), null);
    HttpResponse<String> viaApiGateway = asApiGatewayWould(policy.getContext());
    HttpResponse<String> viaGateway = throughGateway(SETUP.idToken());

    @SuppressWarnings("unchecked")
    Map<String, Object>[] statements =
        (Map<String, Object>[]) policy.getPolicyDocument().get("Statement");
    assertThat(statements[0].get("Effect")).isEqualTo("Allow");
    assertThat(viaApiGateway.statusCode()).as(viaApiGateway.body()).isEqualTo(200);
    String idViaAuthorizer = StubServices.JSON.readTree(viaApiGateway.body()).get("id").asString();
    String idViaGateway = StubServices.JSON.readTree(viaGateway.body()).get("id").asString();
    assertThat(idViaAuthorizer)
        .isEqualTo(idViaGateway)
        .isEqualTo(policy.getContext().get("userId"));
  }

  @Test
  void withoutResolvingTheAuthorizersCognitoSubAloneLetsMeResolveTheUser() throws Exception {
    IamPolicyResponse policy = authorizer(false).handleRequest(restEvent(SETUP.idToken()), null);

    assertThat(policy.getContext().get("userId")).isEqualTo("");
    HttpResponse<String> me = asApiGatewayWould(policy.getContext());
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(StubServices.JSON.readTree(me.body()).get("email").asString())
        .isEqualTo(SETUP.email());
  }

  @Test
  void aTokenFromCognitoLocalForAnotherPoolIsRefusedByBoth() throws Exception {
    String otherPool =
        SETUP
            .cognito()
            .call("CreateUserPool", Map.of("PoolName", "other"))
            .get("UserPool")
            .get("Id")
            .asString();
    String otherClient =
        SETUP
            .cognito()
            .call(
                "CreateUserPoolClient",
                Map.of(
                    "UserPoolId",
                    otherPool,
                    "ClientName",
                    "x",
                    "ExplicitAuthFlows",
                    List.of("ALLOW_USER_PASSWORD_AUTH")))
            .get("UserPoolClient")
            .get("ClientId")
            .asString();
    SETUP
        .cognito()
        .call(
            "SignUp",
            Map.of(
                "ClientId",
                otherClient,
                "Username",
                "eve@other.dbay",
                "Password",
                "Eve-pass-123!",
                "UserAttributes",
                List.of(Map.of("Name", "email", "Value", "eve@other.dbay"))));
    SETUP
        .cognito()
        .call("AdminConfirmSignUp", Map.of("UserPoolId", otherPool, "Username", "eve@other.dbay"));
    String token =
        SETUP
            .cognito()
            .call(
                "InitiateAuth",
                Map.of(
                    "ClientId",
                    otherClient,
                    "AuthFlow",
                    "USER_PASSWORD_AUTH",
                    "AuthParameters",
                    Map.of("USERNAME", "eve@other.dbay", "PASSWORD", "Eve-pass-123!")))
            .get("AuthenticationResult")
            .get("IdToken")
            .asString();

    assertThat(throughGateway(token).statusCode()).isEqualTo(401);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> authorizer(true).handleRequest(restEvent(token), null))
        .hasMessage("Unauthorized");
  }
}
