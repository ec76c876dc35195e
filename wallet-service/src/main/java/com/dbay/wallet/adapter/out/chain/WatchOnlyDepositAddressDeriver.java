package com.dbay.wallet.adapter.out.chain;

import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.WatchOnlyAccount;
import com.dbay.wallet.application.port.out.DepositAddressDeriver;
import java.util.Locale;

/**
 * Deposit addresses m/44'/3'/0'/0/i from the account's extended public key: the wallet service
 * needs no private key to hand out addresses.
 */
public class WatchOnlyDepositAddressDeriver implements DepositAddressDeriver {

  private final WatchOnlyAccount account;

  public WatchOnlyDepositAddressDeriver(WatchOnlyAccount account) {
    this.account = account;
  }

  public static WatchOnlyDepositAddressDeriver of(String accountXpub, DogecoinNetwork network) {
    return new WatchOnlyDepositAddressDeriver(WatchOnlyAccount.fromXpub(accountXpub, network));
  }

  @Override
  public String network() {
    return account.network().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String deriveAddress(long index) {
    if (index < 0 || index >= (1L << 31)) {
      throw new IllegalArgumentException("deposit address index out of range: " + index);
    }
    return account.receiveAddress((int) index).toBase58();
  }
}
