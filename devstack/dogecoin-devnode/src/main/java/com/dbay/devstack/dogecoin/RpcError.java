package com.dbay.devstack.dogecoin;

/** A JSON-RPC error with Dogecoin Core's code and message shape. */
public class RpcError extends RuntimeException {

  public static final int MISC = -1;
  public static final int TYPE = -3;
  public static final int INVALID_ADDRESS_OR_KEY = -5;
  public static final int INVALID_PARAMETER = -8;
  public static final int DESERIALIZATION = -22;
  public static final int VERIFY_ERROR = -25;
  public static final int VERIFY_REJECTED = -26;
  public static final int VERIFY_ALREADY_IN_CHAIN = -27;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_REQUEST = -32600;
  public static final int PARSE_ERROR = -32700;

  private final int code;

  public RpcError(int code, String message) {
    super(message);
    this.code = code;
  }

  public int code() {
    return code;
  }

  /**
   * sendrawtransaction rejections read "&lt;reject code&gt;: &lt;reason&gt;" like Dogecoin Core's.
   */
  static RpcError rejected(int rejectCode, String reason) {
    return new RpcError(VERIFY_REJECTED, rejectCode + ": " + reason);
  }
}
