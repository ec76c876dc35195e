package com.dbay.platform.starter.servicecall;

import com.dbay.platform.servicecall.ServiceCallVerifier;
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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies a request that claims to come from a part (it carries the caller headers) and records
 * the proven caller, or why it was not proven, for {@link InternalApiInterceptor} to decide on. It
 * does not refuse by itself: whether a caller is needed at all is the endpoint's declaration.
 */
public class ServiceCallFilter extends OncePerRequestFilter {

  private final ServiceCallVerifier verifier;

  public ServiceCallFilter(ServiceCallVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!ServiceCallVerifier.claimsCaller(request::getHeader)) {
      chain.doFilter(request, response);
      return;
    }
    // The body limit filter runs first, so this read is bounded by dbay.web.max-body-size.
    byte[] body = request.getInputStream().readAllBytes();
    BodyReadAgain wrapped = new BodyReadAgain(request, body);
    ServiceCallVerifier.Result result =
        verifier.verify(
            request.getMethod(),
            request.getRequestURI(),
            request.getQueryString(),
            body,
            request::getHeader);
    if (result.verified()) {
      wrapped.setAttribute(VerifiedCaller.ATTRIBUTE, result.caller());
    } else {
      wrapped.setAttribute(VerifiedCaller.FAILURE_ATTRIBUTE, result.failure());
    }
    chain.doFilter(wrapped, response);
  }

  private static final class BodyReadAgain extends HttpServletRequestWrapper {
    private final byte[] body;

    BodyReadAgain(HttpServletRequest request, byte[] body) {
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
      String encoding = getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              getInputStream(),
              encoding == null
                  ? StandardCharsets.UTF_8
                  : java.nio.charset.Charset.forName(encoding)));
    }
  }
}
