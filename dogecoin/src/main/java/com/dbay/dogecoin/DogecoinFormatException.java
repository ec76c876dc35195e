package com.dbay.dogecoin;

/**
 * A string or byte sequence that is not a valid Dogecoin encoding of what was expected. The {@link
 * #reason()} lets callers answer precisely (for example a withdrawal to an address of the wrong
 * network).
 */
public class DogecoinFormatException extends IllegalArgumentException {

  public enum Kind {
    ADDRESS,
    WIF,
    EXTENDED_KEY,
    MNEMONIC,
    TRANSACTION,
    BLOCK
  }

  public enum Reason {
    /** Not Base58, wrong length, unparseable bytes. */
    MALFORMED,
    /** The Base58Check checksum does not match: usually a typo. */
    BAD_CHECKSUM,
    /** A valid encoding for another network (or another coin). */
    WRONG_NETWORK,
    /**
     * Valid, but of a type this system does not handle (for example paying to P2SH when only P2PKH
     * is allowed).
     */
    UNSUPPORTED_TYPE
  }

  private final Kind kind;
  private final Reason reason;

  public DogecoinFormatException(Kind kind, Reason reason, String message) {
    super(message);
    this.kind = kind;
    this.reason = reason;
  }

  public DogecoinFormatException(Kind kind, Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.reason = reason;
  }

  public Kind kind() {
    return kind;
  }

  public Reason reason() {
    return reason;
  }
}
