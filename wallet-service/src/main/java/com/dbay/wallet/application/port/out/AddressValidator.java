package com.dbay.wallet.application.port.out;

/** Checks an outside address: Base58Check checksum and a version byte of the configured network. */
public interface AddressValidator {

  enum Verdict {
    VALID,
    MALFORMED,
    WRONG_NETWORK
  }

  Verdict check(String address);
}
