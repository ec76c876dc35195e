package com.dbay.lambda.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The runtime's Lambda and Step Functions APIs answer only callers signing with its credentials,
 * checked with the real AWS SDK v2 clients: the right key works, a wrong secret, an unknown key id,
 * no signature or a body changed after signing get a 403 in the AWS error shape.
 */
@LocalRuntimeTest
class RuntimeAuthIT {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private LambdaClient lambda(String keyId, String secret) {
    return LambdaClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.of("local"))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private SfnClient sfn(String keyId, String secret) {
    return SfnClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.of("local"))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void theSdkClientsSignedWithTheRuntimesKeyAreServed() {
    try (LambdaClient lambda = lambda(Sfn.ACCESS_KEY_ID, Sfn.SECRET_ACCESS_KEY);
        SfnClient sfn = sfn(Sfn.ACCESS_KEY_ID, Sfn.SECRET_ACCESS_KEY)) {
      assertThat(lambda.listFunctions().functions())
          .extracting(f -> f.functionName())
          .contains("blockchain-broadcaster");
      // past the signature check to the function lookup: the 404 Lambda gives for an unknown name
      assertThatThrownBy(
              () ->
                  lambda.invoke(
                      b ->
                          b.functionName("no-such-function")
                              .payload(SdkBytes.fromUtf8String("{}"))))
          .isInstanceOfSatisfying(
              SdkServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
      assertThat(sfn.listStateMachines().stateMachines()).isNotEmpty();
    }
  }

  @Test
  void aWrongSecretIsRefusedAsAwsWouldRefuseIt() {
    try (LambdaClient lambda = lambda(Sfn.ACCESS_KEY_ID, "not-the-runtime-secret");
        SfnClient sfn = sfn(Sfn.ACCESS_KEY_ID, "not-the-runtime-secret")) {
      assertThatThrownBy(
              () ->
                  lambda.invoke(
                      b ->
                          b.functionName("blockchain-broadcaster")
                              .payload(
                                  SdkBytes.fromUtf8String(
                                      "{\"action\":\"sign\",\"withdrawalId\":\"1\"}"))))
          .isInstanceOfSatisfying(
              SdkServiceException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(
                        ((software.amazon.awssdk.awscore.exception.AwsServiceException) e)
                            .awsErrorDetails()
                            .errorCode())
                    .isEqualTo("InvalidSignatureException");
              });
      assertThatThrownBy(sfn::listStateMachines)
          .isInstanceOfSatisfying(
              SdkServiceException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(
                        ((software.amazon.awssdk.awscore.exception.AwsServiceException) e)
                            .awsErrorDetails()
                            .errorCode())
                    .isEqualTo("InvalidSignatureException");
              });
    }
  }

  @Test
  void anUnknownAccessKeyIsRefused() {
    try (SfnClient sfn = sfn("AKIASOMEBODYELSE", Sfn.SECRET_ACCESS_KEY)) {
      assertThatThrownBy(sfn::listStateMachines)
          .isInstanceOfSatisfying(
              SdkServiceException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(
                        ((software.amazon.awssdk.awscore.exception.AwsServiceException) e)
                            .awsErrorDetails()
                            .errorCode())
                    .isEqualTo("UnrecognizedClientException");
              });
    }
  }

  @Test
  void anAnonymousInvokeIsRefusedAndNothingRuns() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/2015-03-31/functions/blockchain-broadcaster/invocations"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"action\":\"sign\",\"withdrawalId\":\"1\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("MissingAuthenticationTokenException");
    assertThat(response.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"");
  }

  @Test
  void aSignedRequestWhoseBodyWasChangedIsRefused() throws Exception {
    // Sign a harmless call with the SDK's own signer, then send another body under the same
    // signature.
    var signer = software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create();
    var unsigned =
        software.amazon.awssdk.http.SdkHttpRequest.builder()
            .method(software.amazon.awssdk.http.SdkHttpMethod.POST)
            .uri(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/2015-03-31/functions/image-processor/invocations"))
            .putHeader("Content-Type", "application/json")
            .build();
    var signed =
        signer.sign(
            r ->
                r.request(unsigned)
                    .payload(software.amazon.awssdk.http.ContentStreamProvider.fromUtf8String("{}"))
                    .identity(AwsBasicCredentials.create(Sfn.ACCESS_KEY_ID, Sfn.SECRET_ACCESS_KEY))
                    .putProperty(
                        software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner
                            .SERVICE_SIGNING_NAME,
                        "lambda")
                    .putProperty(
                        software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME,
                        "local"));
    HttpRequest.Builder tampered =
        HttpRequest.newBuilder(signed.request().getUri())
            .POST(
                HttpRequest.BodyPublishers.ofString("{\"tampered\":true}", StandardCharsets.UTF_8));
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("host")
          && !header.getKey().equalsIgnoreCase("content-length")) {
        header.getValue().forEach(v -> tampered.header(header.getKey(), v));
      }
    }
    HttpResponse<String> response =
        http.send(tampered.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Optional.ofNullable(response.headers().firstValue("x-amzn-ErrorType").orElse(null)))
        .contains("InvalidSignatureException");
  }
}
