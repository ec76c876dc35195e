package com.dbay.wallet.application.port.out;

/** Derives deposit addresses from the wallet's key material (m/44'/3'/0'/0/{index}). */
public interface DepositAddressDeriver {

  String network();

  String deriveAddress(long index);
}
