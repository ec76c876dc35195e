package com.dbay.wallet.adapter.out.chain;

import com.dbay.wallet.application.port.out.DepositAddressDeriver;
import org.bitcoinj.base.Base58;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.wallet.DeterministicSeed;

/**
 * Deposit addresses m/44'/3'/0'/0/i as P2PKH. Only the public key of the external chain is kept
 * after construction: deriving deposit addresses needs no private key.
 */
public class Bip44DepositAddressDeriver implements DepositAddressDeriver {

  private final DogecoinNetwork network;
  private final DeterministicKey externalChain;

  public Bip44DepositAddressDeriver(String mnemonic, String passphrase, DogecoinNetwork network) {
    this.network = network;
    DeterministicKey key = HDKeyDerivation.createMasterPrivateKey(DeterministicSeed.ofMnemonic(mnemonic, passphrase).getSeedBytes());
    key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(44, true));
    key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(3, true));
    key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(0, true));
    this.externalChain = HDKeyDerivation.deriveChildKey(key, new ChildNumber(0, false)).dropPrivateBytes().dropParent();
  }

  @Override
  public String network() {
    return network.id();
  }

  @Override
  public String deriveAddress(long index) {
    if (index < 0 || index >= (1L << 31)) {
      throw new IllegalArgumentException("deposit address index out of range: " + index);
    }
    DeterministicKey child = HDKeyDerivation.deriveChildKey(externalChain, new ChildNumber((int) index, false));
    return Base58.encodeChecked(network.p2pkh(), child.getPubKeyHash());
  }
}
