package com.dbay.wallet.adapter.out.chain;

import com.dbay.wallet.application.port.out.AddressValidator;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.exceptions.AddressFormatException;

/** Base58Check checksum, a 20-byte hash, and a P2PKH/P2SH version byte of the configured network. */
public class Base58AddressValidator implements AddressValidator {

  private final DogecoinNetwork network;

  public Base58AddressValidator(DogecoinNetwork network) {
    this.network = network;
  }

  @Override
  public Verdict check(String address) {
    if (address == null || address.length() < 26 || address.length() > 35) {
      return Verdict.MALFORMED;
    }
    byte[] decoded;
    try {
      decoded = Base58.decodeChecked(address);
    } catch (AddressFormatException e) {
      return Verdict.MALFORMED;
    }
    if (decoded.length != 21) {
      return Verdict.MALFORMED;
    }
    int version = decoded[0] & 0xFF;
    if (network.versions().contains(version)) {
      return Verdict.VALID;
    }
    for (DogecoinNetwork other : DogecoinNetwork.values()) {
      if (other.versions().contains(version)) {
        return Verdict.WRONG_NETWORK;
      }
    }
    return Verdict.MALFORMED;
  }
}
