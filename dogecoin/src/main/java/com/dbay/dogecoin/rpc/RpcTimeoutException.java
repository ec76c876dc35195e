package com.dbay.dogecoin.rpc;

/**
 * No answer within the request timeout. For sendrawtransaction the node may still have accepted it.
 */
public final class RpcTimeoutException extends RpcException {
  public RpcTimeoutException(String method, String message, Throwable cause) {
    super(method, message, cause);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
