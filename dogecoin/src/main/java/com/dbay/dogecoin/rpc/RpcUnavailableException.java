package com.dbay.dogecoin.rpc;

/**
 * The node could not be reached (connection refused, reset, DNS, HTTP 5xx without a JSON-RPC body).
 */
public final class RpcUnavailableException extends RpcException {
  public RpcUnavailableException(String method, String message, Throwable cause) {
    super(method, message, cause);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
