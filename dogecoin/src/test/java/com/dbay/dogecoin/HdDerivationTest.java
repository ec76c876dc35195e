package com.dbay.dogecoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * BIP44 coin type 3 on the BIP39 test phrase "abandon ×11 about" with an empty passphrase.
 *
 * <p>Sources: m/44'/3'/0'/0/0 → DBus3bamQjgJULBJtYXpEzDWQRwF5iwxgC is the first Dogecoin receive
 * address Ledger Live and the Ian Coleman BIP39 tool give for this phrase (DESIGN.md §5); its
 * public key, its WIF and m/44'/3'/0'/0/1 → DAcDAtJRztxBHyA6D6h8du1HguyTR43Mas are fixtures other
 * public wallet code pins for the same phrase, computed with @scure/bip32.
 */
class HdDerivationTest {

  static final String PHRASE =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  @Test
  void derivesTheKnownFirstDepositAddressOfTheTestPhrase() {
    try (HdSigner signer = HdSigner.fromMnemonic(PHRASE, "", DogecoinNetwork.MAINNET)) {
      assertThat(signer.address(Bip44Path.receive(0, 0)).toBase58())
          .isEqualTo("DBus3bamQjgJULBJtYXpEzDWQRwF5iwxgC");
      assertThat(signer.key(Bip44Path.receive(0, 0)).getPublicKeyAsHex())
          .isEqualTo("02cc6b0dc33aabcf3a23643e5e2919a80c50fb3dd2129ce409bbc5f0d4643d05e0");
      assertThat(Wif.encode(signer.key(Bip44Path.receive(0, 0)), DogecoinNetwork.MAINNET))
          .isEqualTo("QPkeC1ZfHx3c9g7WTj9cQ8gnvk2iSAfAcbq1aVAWjNTwDAKfZUzx");
      assertThat(signer.address(Bip44Path.receive(0, 1)).toBase58())
          .isEqualTo("DAcDAtJRztxBHyA6D6h8du1HguyTR43Mas");
    }
  }

  @Test
  void theWatchOnlyAccountFromTheDgubDerivesTheSameAddressesWithoutPrivateKeys() {
    try (HdSigner signer = HdSigner.fromMnemonic(PHRASE, "", DogecoinNetwork.MAINNET)) {
      String dgub = signer.accountXpub(0);
      assertThat(dgub).startsWith("dgub");
      WatchOnlyAccount watch = WatchOnlyAccount.fromXpub(dgub, DogecoinNetwork.MAINNET);
      assertThat(watch.account()).isZero();
      assertThat(watch.accountXpub()).isEqualTo(dgub);
      for (int i = 0; i < 5; i++) {
        assertThat(watch.receiveAddress(i)).isEqualTo(signer.address(Bip44Path.receive(0, i)));
        assertThat(watch.changeAddress(i)).isEqualTo(signer.address(Bip44Path.change(0, i)));
        assertThat(watch.publicKey(0, i).hasPrivKey()).isFalse();
      }
      assertThat(watch.receiveAddress(0).toBase58())
          .isEqualTo("DBus3bamQjgJULBJtYXpEzDWQRwF5iwxgC");
    }
  }

  @Test
  void testnetAndRegtestAccountsSerializeAsTpubAndUseTheirAddressVersions() {
    try (HdSigner test = HdSigner.fromMnemonic(PHRASE, "", DogecoinNetwork.TESTNET);
        HdSigner reg = HdSigner.fromMnemonic(PHRASE, "", DogecoinNetwork.REGTEST)) {
      assertThat(test.accountXpub(0)).startsWith("tpub");
      assertThat(test.address(Bip44Path.receive(0, 0)).toBase58()).startsWith("n");
      DogecoinAddress r = reg.address(Bip44Path.receive(0, 0));
      assertThat(r.toBase58()).matches("[mn].*");
      assertThat(r.hash160()).isEqualTo(test.address(Bip44Path.receive(0, 0)).hash160());
      assertThatThrownBy(
              () -> WatchOnlyAccount.fromXpub(test.accountXpub(0), DogecoinNetwork.MAINNET))
          .isInstanceOfSatisfying(
              DogecoinFormatException.class,
              e -> assertThat(e.reason()).isEqualTo(DogecoinFormatException.Reason.WRONG_NETWORK));
    }
  }

  @Test
  void dgpvRoundTripsAndRejectsAKeyThatIsNotAnAccount() {
    try (HdSigner signer = HdSigner.fromMnemonic(PHRASE, "", DogecoinNetwork.MAINNET)) {
      var key = ExtendedKeys.parsePublic(signer.accountXpub(0), DogecoinNetwork.MAINNET);
      var child = org.bitcoinj.crypto.HDKeyDerivation.deriveChildKey(key, 0);
      String childDgub = ExtendedKeys.serializePublic(child, DogecoinNetwork.MAINNET);
      assertThatThrownBy(() -> WatchOnlyAccount.fromXpub(childDgub, DogecoinNetwork.MAINNET))
          .isInstanceOf(DogecoinFormatException.class);
      var master =
          org.bitcoinj.crypto.HDKeyDerivation.createMasterPrivateKey(Mnemonic.toSeed(PHRASE, ""));
      String dgpv = ExtendedKeys.serializePrivate(master, DogecoinNetwork.MAINNET);
      assertThat(dgpv).startsWith("dgpv");
      assertThat(
              ExtendedKeys.serializePrivate(
                  ExtendedKeys.parsePrivate(dgpv, DogecoinNetwork.MAINNET),
                  DogecoinNetwork.MAINNET))
          .isEqualTo(dgpv);
    }
  }

  @Test
  void theSignerNeverShowsItsSeedAndRefusesWorkOnceClosed() {
    HdSigner signer = HdSigner.fromMnemonic(PHRASE, "", DogecoinNetwork.MAINNET);
    assertThat(signer.toString()).doesNotContain("abandon").contains("redacted");
    signer.close();
    assertThatThrownBy(() -> signer.address(Bip44Path.receive(0, 0)))
        .isInstanceOf(IllegalStateException.class);
  }
}
