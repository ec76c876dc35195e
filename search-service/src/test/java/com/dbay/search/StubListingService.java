package com.dbay.search;

import com.dbay.platform.servicecall.CallerKeys;
import com.dbay.platform.servicecall.ServiceCallVerifier;
import com.dbay.platform.test.TestCallers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * listing-service's two read endpoints search depends on, over real HTTP: the category tree and the
 * internal snapshot pages ({@code {items, nextCursor}}, the cursor being the index of the next
 * item). Verifies each snapshot call's service-call signature as listing-service would, and records
 * the verified caller (or why it was refused) so tests can check who search proved to be.
 */
public final class StubListingService {

  /** Keys of the parts listing-service accepts; search-service under test signs with its one. */
  public static final TestCallers CALLERS = TestCallers.forPart("listing-service");

  private static final ServiceCallVerifier VERIFIER =
      new ServiceCallVerifier(CallerKeys.fromFile(Path.of(CALLERS.trustedCallersFile())));

  public static final String CATEGORIES =
      """
      {"categories": [
        {"id": 1, "name": "Sports", "slug": "sports", "leaf": false, "children": [
          {"id": 2, "name": "Cycling", "slug": "cycling", "leaf": false, "children": [
            {"id": 3, "name": "Road bikes", "slug": "road-bikes", "leaf": true, "children": []},
            {"id": 4, "name": "Mountain bikes", "slug": "mountain-bikes", "leaf": true, "children": []},
            {"id": 7, "name": "Cycling accessories", "slug": "cycling-accessories", "leaf": true, "children": []}]}]},
        {"id": 5, "name": "Electronics", "slug": "electronics", "leaf": false, "children": [
          {"id": 6, "name": "Cameras", "slug": "cameras", "leaf": true, "children": []}]}]}
      """;

  private static StubListingService instance;

  private final HttpServer server;
  public final List<String> snapshots = new CopyOnWriteArrayList<>();
  public final List<String> callers = new CopyOnWriteArrayList<>();

  /** When set, the snapshot endpoint answers 500. */
  public volatile boolean failing;

  private StubListingService() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/listing/categories", ex -> reply(ex, 200, CATEGORIES));
    server.createContext("/api/v1/listing/internal/listings", this::page);
    server.start();
  }

  public static synchronized StubListingService get() {
    if (instance == null) {
      try {
        instance = new StubListingService();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void page(HttpExchange ex) throws IOException {
    ServiceCallVerifier.Result proof =
        VERIFIER.verify(
            ex.getRequestMethod(),
            ex.getRequestURI().getRawPath(),
            ex.getRequestURI().getRawQuery(),
            ex.getRequestBody().readAllBytes(),
            ex.getRequestHeaders()::getFirst);
    callers.add(proof.verified() ? proof.caller() : "refused: " + proof.failure());
    if (!proof.verified()) {
      reply(ex, 401, "{\"title\": \"unsigned\"}");
      return;
    }
    int after = 0;
    int limit = 100;
    String query = ex.getRequestURI().getQuery();
    for (String part : query == null ? new String[0] : query.split("&")) {
      String[] kv = part.split("=", 2);
      if (kv[0].equals("after")) {
        after = Integer.parseInt(kv[1]);
      } else if (kv[0].equals("limit")) {
        limit = Integer.parseInt(kv[1]);
      }
    }
    if (failing) {
      reply(ex, 500, "{\"title\": \"boom\"}");
      return;
    }
    List<String> page =
        new ArrayList<>(
            snapshots.subList(
                Math.min(after, snapshots.size()), Math.min(after + limit, snapshots.size())));
    int next = after + page.size();
    String body =
        "{\"items\": ["
            + String.join(",", page)
            + "], \"nextCursor\": "
            + (next < snapshots.size() ? "\"" + next + "\"" : "null")
            + "}";
    reply(ex, 200, body);
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("content-type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }
}
