package com.dbay.dogecoin.rpc;

/**
 * Any failed RPC call. Subtypes say whether the node answered: {@link RpcErrorException} (it
 * answered with an error), {@link RpcTimeoutException} (no answer in time: the call may or may not
 * have taken effect), {@link RpcUnavailableException} (no connection), {@link
 * RpcAuthenticationException} (credentials refused).
 */
public abstract sealed class RpcException extends RuntimeException
    permits RpcErrorException,
        RpcTimeoutException,
        RpcUnavailableException,
        RpcAuthenticationException,
        RpcProtocolException {

  private final String method;

  protected RpcException(String method, String message, Throwable cause) {
    super(method + ": " + message, cause);
    this.method = method;
  }

  public String method() {
    return method;
  }

  /** Whether trying the same call again later can succeed. */
  public abstract boolean isTransient();
}
