package com.dbay.wallet.adapter.out.chain;

import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinFormatException;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.wallet.application.port.out.AddressValidator;

/** Base58Check checksum and version byte (P2PKH or P2SH) of the configured network. */
public class DogecoinAddressValidator implements AddressValidator {

  private final DogecoinNetwork network;

  public DogecoinAddressValidator(DogecoinNetwork network) {
    this.network = network;
  }

  @Override
  public Verdict check(String address) {
    if (address == null || address.isBlank() || address.length() > 64) {
      return Verdict.MALFORMED;
    }
    try {
      DogecoinAddress.parse(address, network);
      return Verdict.VALID;
    } catch (DogecoinFormatException e) {
      return e.reason() == DogecoinFormatException.Reason.WRONG_NETWORK
          ? Verdict.WRONG_NETWORK
          : Verdict.MALFORMED;
    }
  }
}
