package com.dbay.dogecoin.rpc;

/**
 * The node answered something that is not the JSON-RPC response expected (or a field is missing).
 */
public final class RpcProtocolException extends RpcException {
  public RpcProtocolException(String method, String message, Throwable cause) {
    super(method, message, cause);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
