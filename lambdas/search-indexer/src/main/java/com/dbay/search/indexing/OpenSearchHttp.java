package com.dbay.search.indexing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to OpenSearch. The indexer needs a handful of calls (scripted upserts, alias
 * lookups, percolation, bulk) whose bodies read best as the JSON OpenSearch documents, so this
 * stays a thin wrapper over the JDK client rather than the typed opensearch-java builders (and
 * keeps the function's jar small).
 */
public final class OpenSearchHttp {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  public OpenSearchHttp(URI base) {
    this(base, Duration.ofSeconds(30));
  }

  /** With the time a request may take (a loader's large bulk requests need more than a search). */
  public OpenSearchHttp(URI base, Duration timeout) {
    this.timeout = timeout;
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
  }

  public static OpenSearchHttp fromEnvironment() {
    String url = System.getenv("DBAY_OPENSEARCH_URL");
    return new OpenSearchHttp(
        URI.create(url == null || url.isBlank() ? "http://127.0.0.1:9200" : url));
  }

  /** Status, parsed body (a missing node when the body is empty) and raw text of one answer. */
  public record Reply(int status, JsonNode body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The reply if it is a success, else an exception carrying OpenSearch's own error. */
    public Reply orThrow(String what) {
      if (!ok()) {
        throw new OpenSearchException(what + " failed with " + status + ": " + body.path("error"));
      }
      return this;
    }
  }

  public Reply send(String method, String path, Object body) {
    return send(
        method, path, body == null ? null : JSON.writeValueAsString(body), "application/json");
  }

  /** {@code _bulk} takes newline-delimited JSON. */
  public Reply sendNdjson(String path, String ndjson) {
    return send("POST", path, ndjson, "application/x-ndjson");
  }

  private Reply send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(timeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("content-type", contentType);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode parsed =
          text == null || text.isBlank()
              ? tools.jackson.databind.node.MissingNode.getInstance()
              : JSON.readTree(text);
      return new Reply(response.statusCode(), parsed);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "OpenSearch at " + base + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling OpenSearch", e);
    }
  }

  /** OpenSearch refused a request; the function fails so the event is retried. */
  public static final class OpenSearchException extends RuntimeException {
    public OpenSearchException(String message) {
      super(message);
    }
  }
}
