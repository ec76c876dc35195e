package com.dbay.lambda.localruntime.api;

import com.dbay.lambda.asl.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request to the runtime's Lambda and Step Functions APIs must be SigV4-signed with the
 * runtime's credentials, as AWS itself requires; a refusal is a 403 in the AWS error JSON shape
 * (both protocols' fields: Lambda's {@code Message}, Step Functions' {@code __type}/{@code
 * message}) with {@code x-amzn-ErrorType}, and is logged. Only the health probe is open.
 */
public class SigV4AuthFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(SigV4AuthFilter.class);

  /**
   * Far above any Lambda payload (6 MB) or state machine input (256 KB): refuse instead of
   * buffering more.
   */
  private static final int MAX_BODY = 8 * 1024 * 1024;

  private final SigV4Verifier verifier;

  public SigV4AuthFilter(SigV4Verifier verifier) {
    this.verifier = verifier;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(
          request,
          response,
          413,
          new SigV4Verifier.Refusal(
              "RequestTooLargeException", "Request must be smaller than 8 MB"));
      return;
    }
    SigV4Verifier.Refusal refusal =
        verifier.verify(
            request.getMethod(),
            request.getRequestURI(),
            request.getQueryString(),
            name -> {
              var values = request.getHeaders(name);
              return values == null ? List.of() : Collections.list(values);
            },
            body);
    if (refusal != null) {
      refuse(request, response, 403, refusal);
      return;
    }
    chain.doFilter(new Body(request, body), response);
  }

  private static void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      SigV4Verifier.Refusal refusal)
      throws IOException {
    log.warn(
        "Refused {} {} from {}: {} ({})",
        request.getMethod(),
        request.getRequestURI(),
        request.getRemoteAddr(),
        refusal.errorType(),
        refusal.message());
    var error =
        Json.NODES
            .objectNode()
            .put("__type", refusal.errorType())
            .put("message", refusal.message())
            .put("Message", refusal.message());
    response.setStatus(status);
    response.setHeader("x-amzn-ErrorType", refusal.errorType());
    response.setContentType("application/json");
    response.getOutputStream().write(Json.write(error).getBytes(StandardCharsets.UTF_8));
  }

  private static final class Body extends HttpServletRequestWrapper {
    private final byte[] body;

    Body(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
