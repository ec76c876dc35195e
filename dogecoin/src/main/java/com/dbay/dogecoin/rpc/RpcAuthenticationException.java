package com.dbay.dogecoin.rpc;

/** HTTP 401/403: the RPC user or password is wrong. */
public final class RpcAuthenticationException extends RpcException {
  public RpcAuthenticationException(String method, String message) {
    super(method, message, null);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
