package com.dbay.dogecoin.rpc;

/** The node answered with a JSON-RPC error object. Codes are Dogecoin Core's (rpc/protocol.h). */
public final class RpcErrorException extends RpcException {

  public static final int RPC_MISC_ERROR = -1;
  public static final int RPC_TYPE_ERROR = -3;
  public static final int RPC_INVALID_ADDRESS_OR_KEY = -5;
  public static final int RPC_INVALID_PARAMETER = -8;
  public static final int RPC_DESERIALIZATION_ERROR = -22;
  public static final int RPC_VERIFY_ERROR = -25;
  public static final int RPC_VERIFY_REJECTED = -26;
  public static final int RPC_VERIFY_ALREADY_IN_CHAIN = -27;
  public static final int RPC_IN_WARMUP = -28;
  public static final int RPC_METHOD_NOT_FOUND = -32601;

  private final int code;
  private final String nodeMessage;

  public RpcErrorException(String method, int code, String nodeMessage) {
    super(method, "node error " + code + ": " + nodeMessage, null);
    this.code = code;
    this.nodeMessage = nodeMessage;
  }

  public int code() {
    return code;
  }

  public String nodeMessage() {
    return nodeMessage;
  }

  /** Unknown block, transaction or address. */
  public boolean isNotFound() {
    return code == RPC_INVALID_ADDRESS_OR_KEY;
  }

  /** sendrawtransaction: the transaction is already confirmed. */
  public boolean isAlreadyInChain() {
    return code == RPC_VERIFY_ALREADY_IN_CHAIN;
  }

  /**
   * sendrawtransaction: the node refused the transaction (bad signature, fee too low, double spend,
   * …).
   */
  public boolean isRejected() {
    return code == RPC_VERIFY_REJECTED
        || code == RPC_VERIFY_ERROR
        || code == RPC_DESERIALIZATION_ERROR;
  }

  /** sendrawtransaction: an input is unknown or already spent. */
  public boolean isMissingInputs() {
    return code == RPC_VERIFY_ERROR;
  }

  @Override
  public boolean isTransient() {
    return code == RPC_IN_WARMUP;
  }
}
