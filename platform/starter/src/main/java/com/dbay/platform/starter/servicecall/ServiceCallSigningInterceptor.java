package com.dbay.platform.starter.servicecall;

import com.dbay.platform.servicecall.ServiceCallSigner;
import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Signs every request of a {@code RestClient} as this part: {@code
 * RestClient.builder().requestInterceptor(signing)}. The body is signed as it is sent.
 */
public class ServiceCallSigningInterceptor implements ClientHttpRequestInterceptor {

  private final ServiceCallSigner signer;

  public ServiceCallSigningInterceptor(ServiceCallSigner signer) {
    this.signer = signer;
  }

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    headers(request.getMethod().name(), request.getURI(), body)
        .forEach((name, value) -> request.getHeaders().set(name, value));
    return execution.execute(request, body);
  }

  /**
   * The signature headers for a call made with another client ({@code java.net.http}): method, URI
   * and body exactly as they will be sent.
   */
  public java.util.Map<String, String> headers(String method, java.net.URI uri, byte[] body) {
    if (signer == null) {
      throw new IllegalStateException(
          "this part has no service key to sign "
              + method
              + " "
              + uri
              + " (DBAY_SERVICE_KEYS_FILE, written by ./dbay up; Secrets Manager in AWS)");
    }
    return signer.headers(method, uri, body);
  }
}
