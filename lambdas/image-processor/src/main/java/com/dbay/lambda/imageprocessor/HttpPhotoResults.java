package com.dbay.lambda.imageprocessor;

import com.dbay.platform.servicecall.ServiceCallSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Reports to listing-service's internal endpoint as the caller {@code image-processor}, signed with
 * its own key (the platform's service-call signature). A failed report throws, so the invocation
 * fails and is retried (Lambda's async retries; the listing service ignores a repeated report). An
 * unknown photo (404: deleted meanwhile) is not an error.
 */
public class HttpPhotoResults implements PhotoResults {

  static final String CALLER = "image-processor";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;
  private final Supplier<ServiceCallSigner> signer;

  public HttpPhotoResults(String baseUrl, Supplier<ServiceCallSigner> signer) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.signer = signer;
  }

  @Override
  public void ready(String photoId) {
    send(photoId, "{\"status\":\"ready\"}");
  }

  @Override
  public void rejected(String photoId, String reason) {
    send(photoId, "{\"status\":\"rejected\",\"reason\":\"" + escape(reason) + "\"}");
  }

  private void send(String photoId, String body) {
    URI uri = URI.create(baseUrl + "/api/v1/listing/internal/photos/" + photoId + "/result");
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    signer
        .get()
        .headers("POST", uri, body.getBytes(StandardCharsets.UTF_8))
        .forEach(builder::header);
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
        throw new IllegalStateException(
            "listing-service answered "
                + response.statusCode()
                + " to the result of photo "
                + photoId
                + ": "
                + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
