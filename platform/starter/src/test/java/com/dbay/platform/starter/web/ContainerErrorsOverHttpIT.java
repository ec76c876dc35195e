package com.dbay.platform.starter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.starter.support.Http;
import com.dbay.platform.starter.support.PlatformIntegrationTestBase;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What Tomcat itself refuses, before any filter or controller runs, answered as problem+json over a
 * raw socket (a client library would refuse to send most of these).
 */
class ContainerErrorsOverHttpIT extends PlatformIntegrationTestBase {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  record Raw(int status, String head, String body) {}

  Raw raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        all.write(buffer, 0, n);
      }
      String text = all.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      return new Raw(Integer.parseInt(head.substring(9, 12)), head, body);
    }
  }

  static void assertProblem(Raw answer, int status) {
    assertThat(answer.status()).as(answer.head()).isEqualTo(status);
    assertThat(answer.head().toLowerCase()).contains("content-type: application/problem+json");
    assertThat(answer.body())
        .contains("\"status\":" + status)
        .contains("\"type\":\"https://dbay.dev/problems/")
        .doesNotContain("<html")
        .doesNotContain("Apache Tomcat");
  }

  @Test
  void anOverlongUtf8DotInThePathIsA400Problem() throws Exception {
    assertProblem(
        raw("GET /it/%C0%AE%C0%AE/secret HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
        400);
  }

  @Test
  void aMalformedRequestLineIsA400Problem() throws Exception {
    assertProblem(
        raw("GET /it/bids{} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
  }

  @Test
  void aUriAboveTheLimitIsA414Problem() throws Exception {
    assertProblem(
        raw(
            "GET /it/"
                + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
        414);
  }

  @Test
  void headersAboveTheLimitAreA431Problem() throws Exception {
    assertProblem(
        raw(
            "GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"),
        431);
  }

  @Test
  void aNulCharacterInATextFieldIsA400ValidationProblemAndWritesNothing() {
    String id = "nul-" + java.util.UUID.randomUUID();
    HttpResponse<String> response =
        new Http(port)
            .send(
                HttpRequest.newBuilder(new Http(port).uri("/it/listings"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"id\":\""
                                + id
                                + "\",\"title\":\"a\\u0000b\",\"failAfterEvent\":false}"))
                    .build());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("https://dbay.dev/problems/validation").contains("title");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM it_listings WHERE id = ?", Long.class, id))
        .isZero();
  }
}
