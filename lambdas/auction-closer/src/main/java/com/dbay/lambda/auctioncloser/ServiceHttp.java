package com.dbay.lambda.auctioncloser;

import com.dbay.platform.servicecall.ServiceCallSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to one DBay service's internal API, every call signed as this function ({@link
 * ServiceCallSigner}). A 5xx or a connection failure is an {@link UncheckedIOException}, which the
 * workflow retries; any other refusal is a {@link Refused} carrying the status and the problem.
 */
public final class ServiceHttp {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  /** The service refused the call (4xx); retrying the same call cannot help. */
  public static final class Refused extends IllegalStateException {
    private final int status;

    Refused(String message, int status) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final String name;
  private final String base;
  private final Supplier<ServiceCallSigner> signer;

  public ServiceHttp(String name, String baseUrl, Supplier<ServiceCallSigner> signer) {
    this.name = name;
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.signer = signer;
  }

  Map<String, Object> get(String pathAndQuery) {
    return send("GET", pathAndQuery, null, null);
  }

  Map<String, Object> post(String path, Object body, String idempotencyKey) {
    return send("POST", path, JSON.writeValueAsString(body), idempotencyKey);
  }

  Map<String, Object> delete(String path, String idempotencyKey) {
    return send("DELETE", path, null, idempotencyKey);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> send(String method, String path, String body, String key) {
    URI uri = URI.create(base + path);
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (body != null) {
      request.header("content-type", "application/json");
    }
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    signer.get().headers(method, uri, bytes).forEach(request::header);
    HttpResponse<String> response;
    try {
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(name + " " + method + " " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 500) {
      throw new UncheckedIOException(
          new IOException(
              name + " " + method + " " + path + " answered " + status + ": " + response.body()));
    }
    if (status >= 300) {
      throw new Refused(
          name + " " + method + " " + path + " answered " + status + ": " + response.body(),
          status);
    }
    if (response.body() == null || response.body().isBlank()) {
      return new LinkedHashMap<>();
    }
    return JSON.readValue(response.body(), LinkedHashMap.class);
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
