package com.dbay.lambda.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API Gateway (REST API, v1 payload) REQUEST authorizer. It reads the bearer token from the
 * {@code Authorization} header (or the {@code token} query parameter on a WebSocket {@code
 * $connect}), validates it against the Cognito pool, resolves the app user, and returns an Allow
 * policy for exactly this method ARN plus a context that the API maps to the identity headers:
 * {@code X-User-ID = context.userId}, {@code X-Cognito-Sub = context.cognitoSub}, {@code
 * X-Cognito-Username = context.username}, {@code X-Cognito-Email = context.email}, {@code
 * X-User-Roles = context.roles}, {@code X-Gateway-Timestamp = context.gatewayTimestamp}, {@code
 * X-Gateway-Signature = context.gatewaySignature}. The signature is the same gateway proof the
 * local gateway sends, over this request's method and path, so the services check both paths with
 * the same code. Because the proof names the path and the time, the API must not cache authorizer
 * results (TTL 0); the JWKS cache keeps that cheap.
 *
 * <p>Why the v1 REQUEST type rather than HTTP API v2: the seed's API Gateway is REST + WebSocket,
 * and a WebSocket {@code $connect} authorizer receives this same v1 REQUEST shape, so one handler
 * serves both; REST request-parameter mapping overwrites any client-sent header of the same name.
 */
public class AuthorizerHandler
    implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {

  private final TokenVerifier verifier;
  private final UserResolver resolver;
  private final GatewayProof proof;

  public AuthorizerHandler(TokenVerifier verifier, UserResolver resolver, GatewayProof proof) {
    this.verifier = verifier;
    this.resolver = resolver;
    this.proof = proof;
  }

  /** For the Lambda runtime: everything from the environment (and Secrets Manager). */
  public AuthorizerHandler() {
    this(fromEnvironment(System.getenv()));
  }

  private AuthorizerHandler(Object[] deps) {
    this((TokenVerifier) deps[0], (UserResolver) deps[1], (GatewayProof) deps[2]);
  }

  private static Object[] fromEnvironment(Map<String, String> env) {
    AuthorizerConfig config = AuthorizerConfig.from(env);
    GatewayProof proof = new GatewayProof(GatewaySecret.from(env));
    UserResolver resolver =
        config.userServiceUrl() == null
            ? null
            : new HttpUserResolver(config.userServiceUrl(), proof, Duration.ofMinutes(5));
    return new Object[] {new TokenVerifier(config), resolver, proof};
  }

  @Override
  public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
    String token = bearer(event).orElseThrow(Unauthorized::new);
    JWTClaimsSet claims = verifier.verify(token).orElseThrow(Unauthorized::new);

    String sub = claims.getSubject();
    String username = firstString(claims, "cognito:username", "username");
    String email = firstString(claims, "email");
    String userId = "";
    Set<String> roles = new TreeSet<>(groups(claims));
    if (resolver != null) {
      UserResolver.Resolved resolved = resolver.resolve(sub, username, email);
      if (!resolved.active()) {
        return policy(resolved.userId(), IamPolicyResponse.DENY, event.getMethodArn(), Map.of());
      }
      userId = resolved.userId();
      // The app's own records decide roles, as on the local path.
      roles = new TreeSet<>(resolved.roles());
    }
    if (roles.isEmpty()) {
      roles.add("USER");
    }
    Identity identity = new Identity(userId, sub, username, email, roles);

    String[] target = methodAndPath(event);
    long now = proof.now();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("userId", identity.userId());
    out.put("cognitoSub", identity.cognitoSub());
    out.put("username", identity.username());
    out.put("email", identity.email());
    out.put("roles", String.join(",", roles));
    out.put("gatewayTimestamp", Long.toString(now));
    out.put("gatewaySignature", proof.sign(identity, target[0], target[1], now));
    return policy(
        userId.isEmpty() ? sub : userId, IamPolicyResponse.ALLOW, event.getMethodArn(), out);
  }

  private static IamPolicyResponse policy(
      String principal, String effect, String methodArn, Map<String, Object> context) {
    IamPolicyResponse.Statement statement =
        IamPolicyResponse.ALLOW.equals(effect)
            ? IamPolicyResponse.allowStatement(methodArn)
            : IamPolicyResponse.denyStatement(methodArn);
    return IamPolicyResponse.builder()
        .withPrincipalId(principal)
        .withPolicyDocument(
            IamPolicyResponse.PolicyDocument.builder()
                .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                .withStatement(List.of(statement))
                .build())
        .withContext(context)
        .build();
  }

  static Optional<String> bearer(APIGatewayCustomAuthorizerEvent event) {
    String value = null;
    if (event.getHeaders() != null) {
      for (Map.Entry<String, String> header : event.getHeaders().entrySet()) {
        if ("authorization".equalsIgnoreCase(header.getKey())) {
          value = header.getValue();
        }
      }
    }
    if (value == null && event.getAuthorizationToken() != null) {
      value = event.getAuthorizationToken();
    }
    if (value != null) {
      return value.regionMatches(true, 0, "Bearer ", 0, 7) && value.length() > 7
          ? Optional.of(value.substring(7).trim())
          : Optional.empty();
    }
    // Browsers cannot set headers on a WebSocket: the token comes in the query of $connect.
    if (event.getQueryStringParameters() != null) {
      return Optional.ofNullable(event.getQueryStringParameters().get("token"))
          .filter(t -> !t.isBlank());
    }
    return Optional.empty();
  }

  /**
   * The method and the target (path and query) the service will see. REQUEST events carry all of
   * it, the query already decoded, which {@link GatewayProof#target(String, Map)} canonicalises as
   * the service does the raw query; TOKEN events only the method ARN ({@code
   * arn:aws:execute-api:region:account:api/stage/METHOD/path}), and with no query.
   *
   * <p>The event's {@code queryStringParameters} keep the last value of a repeated name, so a
   * request repeating a parameter carries a proof that does not verify and reaches the service
   * anonymous: refused, never widened.
   */
  static String[] methodAndPath(APIGatewayCustomAuthorizerEvent event) {
    if (event.getHttpMethod() != null && event.getPath() != null) {
      Map<String, List<String>> query = new LinkedHashMap<>();
      if (event.getQueryStringParameters() != null) {
        event
            .getQueryStringParameters()
            .forEach((name, value) -> query.put(name, List.of(value == null ? "" : value)));
      }
      return new String[] {
        event.getHttpMethod().toUpperCase(Locale.ROOT), GatewayProof.target(event.getPath(), query)
      };
    }
    String arn = event.getMethodArn();
    // After the account: <api id>/<stage>/<METHOD>/<path>
    String resource = arn.substring(arn.lastIndexOf(':') + 1);
    String[] pieces = resource.split("/", 4);
    String method = pieces.length > 2 ? pieces[2] : "GET";
    String path = pieces.length > 3 ? "/" + pieces[3] : "/";
    return new String[] {method.toUpperCase(Locale.ROOT), path};
  }

  private static String firstString(JWTClaimsSet claims, String... names) {
    for (String name : names) {
      try {
        String value = claims.getStringClaim(name);
        if (value != null) {
          return value;
        }
      } catch (ParseException ignored) {
        // not a string: try the next name
      }
    }
    return "";
  }

  private static List<String> groups(JWTClaimsSet claims) {
    try {
      List<String> groups = claims.getStringListClaim("cognito:groups");
      return groups == null ? List.of() : groups;
    } catch (ParseException e) {
      return List.of();
    }
  }
}
