package com.dbay.gateway.spa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The built SPA behind the gateway: history-mode fallback, hashed assets cached for a year,
 * index.html never.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpaServingIT {

  static final Path DIST = dist();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void spa(DynamicPropertyRegistry registry) {
    registry.add("dbay.gateway.spa-dir", DIST::toString);
    registry.add("dbay.gateway.services.user", () -> "http://127.0.0.1:1");
  }

  static Path dist() {
    try {
      Path dir = Files.createTempDirectory("spa-dist");
      Files.createDirectories(dir.resolve("assets"));
      Files.writeString(dir.resolve("index.html"), "<!doctype html><title>DBay test build</title>");
      Files.writeString(dir.resolve("assets/index-Ab12Cd34.js"), "console.log('app')");
      Files.writeString(dir.resolve("favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRootServesTheAppsIndexWhichIsNeverCached() throws Exception {
    HttpResponse<String> root = get("/");
    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.body()).contains("DBay test build");
    assertThat(root.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-cache"));
  }

  @Test
  void aClientSideRouteServesTheIndexSoAReloadKeepsThePage() throws Exception {
    HttpResponse<String> deep = get("/wallet/withdrawals/0b1c2d3e");
    assertThat(deep.statusCode()).isEqualTo(200);
    assertThat(deep.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(deep.body()).contains("DBay test build");
  }

  @Test
  void hashedAssetsAreCachedForAYearAsImmutable() throws Exception {
    HttpResponse<String> asset = get("/assets/index-Ab12Cd34.js");
    assertThat(asset.statusCode()).isEqualTo(200);
    assertThat(asset.body()).isEqualTo("console.log('app')");
    assertThat(asset.headers().firstValue("Cache-Control"))
        .hasValue("max-age=31536000, public, immutable");
  }

  @Test
  void aMissingAssetIsA404NotTheIndex() throws Exception {
    HttpResponse<String> missing = get("/assets/gone-00000000.js");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain("DBay test build");
  }

  @Test
  void apiPathsAreNeverAnsweredByTheApp() throws Exception {
    HttpResponse<String> api = get("/api/v1/nowhere/at/all");
    assertThat(api.body()).doesNotContain("DBay test build");
  }
}
