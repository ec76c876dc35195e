package com.dbay.dogecoin.rpc;

import com.dbay.dogecoin.DogecoinNetwork;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the node is and how long to wait. {@link #toString()} hides the password.
 *
 * @param url e.g. http://127.0.0.1:22555/
 * @param network the chain the node serves; used to turn output scripts into addresses
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout whole-request timeout; past it a call fails with {@link
 *     RpcTimeoutException}
 */
public record RpcConfig(
    URI url,
    String user,
    String password,
    DogecoinNetwork network,
    Duration connectTimeout,
    Duration requestTimeout) {

  public RpcConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(network, "network");
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
  }

  public static RpcConfig of(String url, String user, String password, DogecoinNetwork network) {
    return new RpcConfig(URI.create(url), user, password, network, null, null);
  }

  @Override
  public String toString() {
    return "RpcConfig[url="
        + url
        + ", user="
        + user
        + ", password=<redacted>, network="
        + network
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + "]";
  }
}
