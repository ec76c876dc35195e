package com.dbay.lambda.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorizerHandlerTest {

  static final String SECRET = "authorizer-test-secret-0123456789abcdefghij";

  FakeCognito cognito;
  AuthorizerHandler handler;
  final GatewayProof proof = new GatewayProof(SECRET);

  @BeforeEach
  void start() throws IOException {
    cognito = new FakeCognito(SECRET);
    AuthorizerConfig config = AuthorizerConfig.from(FakeCognito.env(cognito, SECRET));
    handler =
        new AuthorizerHandler(
            new TokenVerifier(config),
            new HttpUserResolver(config.userServiceUrl(), proof, Duration.ofMinutes(5)),
            proof);
  }

  @AfterEach
  void stop() {
    cognito.close();
  }

  static APIGatewayCustomAuthorizerEvent event(String file, String token) {
    try (InputStream in = AuthorizerHandlerTest.class.getResourceAsStream("/events/" + file)) {
      String json =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${TOKEN}", token == null ? "" : token);
      if (token == null) {
        json = json.replace("\"Bearer \"", "\"\"");
      }
      return LambdaEventSerializers.serializerFor(
              APIGatewayCustomAuthorizerEvent.class, AuthorizerHandlerTest.class.getClassLoader())
          .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  IamPolicyResponse authorize(String token) {
    return handler.handleRequest(event("rest-request-authorizer.json", token), null);
  }

  String with(UnaryOperator<JWTClaimsSet.Builder> change) {
    return FakeCognito.sign(
        cognito.key, change.apply(FakeCognito.idToken(UUID.randomUUID().toString())).build());
  }

  void assertUnauthorized(String token) {
    assertThatThrownBy(() -> authorize(token))
        .isInstanceOf(Unauthorized.class)
        .hasMessage("Unauthorized");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> statement(IamPolicyResponse response) {
    Map<String, Object>[] statements =
        (Map<String, Object>[]) response.getPolicyDocument().get("Statement");
    assertThat(statements).hasSize(1);
    return statements[0];
  }

  static String effect(IamPolicyResponse response) {
    return (String) statement(response).get("Effect");
  }

  @Test
  void aValidIdTokenIsAllowedWithTheIdentityAndAProofTheServicesAccept() {
    String sub = UUID.randomUUID().toString();

    IamPolicyResponse response = authorize(cognito.token(sub));

    assertThat(effect(response)).isEqualTo("Allow");
    assertThat(response.getPrincipalId()).isEqualTo("app-" + sub);
    Map<String, Object> context = response.getContext();
    assertThat(context)
        .containsEntry("userId", "app-" + sub)
        .containsEntry("cognitoSub", sub)
        .containsEntry("username", "carol")
        .containsEntry("email", "carol@demo.dbay")
        .containsEntry("roles", "USER");
    // What the platform starter's filter does with the mapped headers:
    Identity claimed =
        new Identity(
            (String) context.get("userId"),
            (String) context.get("cognitoSub"),
            (String) context.get("username"),
            (String) context.get("email"),
            Arrays.stream(((String) context.get("roles")).split(",")).collect(Collectors.toSet()));
    assertThat(
            proof.verify(
                claimed,
                "GET",
                "/api/v1/user/users/me/",
                (String) context.get("gatewayTimestamp"),
                (String) context.get("gatewaySignature")))
        .contains(claimed);
    assertThat(
            proof.verify(
                claimed,
                "GET",
                "/api/v1/wallet/balance",
                (String) context.get("gatewayTimestamp"),
                (String) context.get("gatewaySignature")))
        .isEmpty();
  }

  @Test
  void theProofCoversTheQueryAsTheServiceReceivesIt() {
    String sub = UUID.randomUUID().toString();

    Map<String, Object> context =
        handler
            .handleRequest(
                event("rest-request-with-query-authorizer.json", cognito.token(sub)), null)
            .getContext();

    Identity claimed = new Identity("app-" + sub, sub, "carol", "carol@demo.dbay", Set.of("USER"));
    String ts = (String) context.get("gatewayTimestamp");
    String signature = (String) context.get("gatewaySignature");
    assertThat(
            proof.verify(
                claimed,
                "GET",
                "/api/v1/order/orders?role=buyer&q=red+shoe+%26+socks",
                ts,
                signature))
        .isPresent();
    assertThat(
            proof.verify(
                claimed,
                "GET",
                "/api/v1/order/orders?role=seller&q=red+shoe+%26+socks",
                ts,
                signature))
        .isEmpty();
    assertThat(proof.verify(claimed, "GET", "/api/v1/order/orders", ts, signature)).isEmpty();
  }

  @Test
  void theAllowPolicyCoversExactlyThisMethodArn() {
    IamPolicyResponse response = authorize(cognito.token(UUID.randomUUID().toString()));

    Map<String, Object> statement = statement(response);
    assertThat(statement.get("Action")).isEqualTo("execute-api:Invoke");
    Object resource = statement.get("Resource");
    List<Object> resources =
        resource instanceof Object[] array ? List.of(array) : List.copyOf((List<?>) resource);
    assertThat(resources)
        .containsExactly(
            (Object)
                "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/api/v1/user/users/me/");
  }

  @Test
  void aClientSentUserIdHeaderInTheEventNeverChangesWhoTheCallerIs() {
    String sub = UUID.randomUUID().toString();

    IamPolicyResponse response = authorize(cognito.token(sub));

    assertThat(response.getContext().get("userId"))
        .isEqualTo("app-" + sub)
        .isNotEqualTo("someone-else");
    assertThat(response.getContext().get("roles")).isEqualTo("USER");
  }

  @Test
  void aWebSocketConnectTakesTheTokenFromTheQuery() {
    String sub = UUID.randomUUID().toString();

    IamPolicyResponse response =
        handler.handleRequest(event("websocket-connect-authorizer.json", cognito.token(sub)), null);

    assertThat(effect(response)).isEqualTo("Allow");
    assertThat(response.getContext()).containsEntry("cognitoSub", sub);
  }

  @Test
  void aTokenTypeEventIsSignedForTheMethodAndPathOfItsArn() {
    String sub = UUID.randomUUID().toString();

    Map<String, Object> context =
        handler
            .handleRequest(event("rest-token-authorizer.json", cognito.token(sub)), null)
            .getContext();

    Identity claimed = new Identity("app-" + sub, sub, "carol", "carol@demo.dbay", Set.of("USER"));
    assertThat(
            proof.verify(
                claimed,
                "PATCH",
                "/api/v1/user/users/me/",
                (String) context.get("gatewayTimestamp"),
                (String) context.get("gatewaySignature")))
        .isPresent();
  }

  @Test
  void aMissingTokenIsUnauthorized() {
    assertThatThrownBy(() -> authorize(null)).isInstanceOf(Unauthorized.class);
  }

  @Test
  void anExpiredTokenIsUnauthorized() {
    assertUnauthorized(
        with(
            c ->
                c.issueTime(Date.from(Instant.now().minusSeconds(7200)))
                    .expirationTime(Date.from(Instant.now().minusSeconds(120)))));
  }

  @Test
  void aNotYetValidTokenIsUnauthorized() {
    assertUnauthorized(with(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))));
  }

  @Test
  void aTokenFromAnotherPoolIsUnauthorized() {
    assertUnauthorized(
        with(c -> c.issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OtherPool")));
  }

  @Test
  void aTokenForAnotherAppClientIsUnauthorized() {
    assertUnauthorized(with(c -> c.audience("another-client")));
  }

  @Test
  void anAccessTokenIsUnauthorizedWhereIdTokensAreExpected() {
    assertUnauthorized(
        with(
            c ->
                c.audience((String) null)
                    .claim("client_id", FakeCognito.CLIENT_ID)
                    .claim("token_use", "access")));
  }

  @Test
  void anUnsignedAlgNoneTokenIsUnauthorized() {
    assertUnauthorized(
        new PlainJWT(FakeCognito.idToken(UUID.randomUUID().toString()).build()).serialize());
  }

  @Test
  void anHs256TokenKeyedWithThePublicKeyIsUnauthorized() throws Exception {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(cognito.key.toRSAPublicKey().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(cognito.key.getKeyID()).build(),
            FakeCognito.idToken(UUID.randomUUID().toString()).build());
    jwt.sign(new MACSigner(pem.getBytes(StandardCharsets.US_ASCII)));

    assertUnauthorized(jwt.serialize());
  }

  @Test
  void aTamperedTokenIsUnauthorized() {
    String[] parts = cognito.token(UUID.randomUUID().toString()).split("\\.");
    JWTClaimsSet forged =
        FakeCognito.idToken("victim-sub").claim("cognito:groups", List.of("ADMIN")).build();

    assertUnauthorized(parts[0] + "." + Base64URL.encode(forged.toString()) + "." + parts[2]);
  }

  @Test
  void aTokenWithAnUnknownKidIsUnauthorized() {
    assertUnauthorized(
        FakeCognito.sign(
            FakeCognito.generate("not-in-the-pool"), FakeCognito.idToken("x").build()));
  }

  @Test
  void aTokenFromAnImpostorKeyUnderThePoolsKidIsUnauthorized() {
    assertUnauthorized(
        FakeCognito.sign(
            FakeCognito.generate(cognito.key.getKeyID()), FakeCognito.idToken("x").build()));
  }

  @Test
  void aBasicAuthorizationHeaderIsUnauthorized() {
    APIGatewayCustomAuthorizerEvent event = event("rest-request-authorizer.json", "x");
    event.getHeaders().put("Authorization", "Basic YWxpY2U6c2VjcmV0");

    assertThatThrownBy(() -> handler.handleRequest(event, null)).isInstanceOf(Unauthorized.class);
  }

  @Test
  void aSuspendedUserIsDenied() {
    String sub = UUID.randomUUID().toString();
    cognito.suspendedSubs.add(sub);

    IamPolicyResponse response = authorize(cognito.token(sub));

    assertThat(effect(response)).isEqualTo("Deny");
    assertThat(response.getContext()).doesNotContainKey("gatewaySignature");
  }

  @Test
  void theJwksIsFetchedOnceAndCachedAcrossInvocations() {
    for (int i = 0; i < 5; i++) {
      authorize(cognito.token(UUID.randomUUID().toString()));
    }

    assertThat(cognito.jwksFetches.get()).isEqualTo(1);
  }
}
