package com.dbay.dogecoin;

import java.util.Arrays;
import java.util.Locale;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Monetary;
import org.bitcoinj.base.Network;

/**
 * Dogecoin's networks as bitcoinj sees them. Version bytes come from Dogecoin Core's
 * chainparams.cpp (mainnet P2PKH 30 "D…", P2SH 22, WIF 158, dgub/dgpv 0x02facafd/0x02fac398;
 * testnet 113/196/241 with tpub/tprv; regtest 111/196/239 with tpub/tprv).
 *
 * <p>Dogecoin has no maximum money supply, so {@link #hasMaxMoney()} is false. Anything in bitcoinj
 * that needs {@code NetworkParameters} is Bitcoin-only; this library never goes through it.
 */
public enum DogecoinNetwork implements Network {
  MAINNET("main", 0x1E, 0x16, 0x9E, 0x02FACAFD, 0x02FAC398, 22555),
  TESTNET("test", 0x71, 0xC4, 0xF1, 0x043587CF, 0x04358394, 44555),
  REGTEST("regtest", 0x6F, 0xC4, 0xEF, 0x043587CF, 0x04358394, 18332);

  private final String id;
  private final int p2pkhVersion;
  private final int p2shVersion;
  private final int wifVersion;
  private final int xpubVersion;
  private final int xprvVersion;
  private final int defaultRpcPort;

  DogecoinNetwork(String id, int p2pkh, int p2sh, int wif, int xpub, int xprv, int rpcPort) {
    this.id = id;
    this.p2pkhVersion = p2pkh;
    this.p2shVersion = p2sh;
    this.wifVersion = wif;
    this.xpubVersion = xpub;
    this.xprvVersion = xprv;
    this.defaultRpcPort = rpcPort;
  }

  /**
   * Accepts the names Dogecoin Core reports in {@code getblockchaininfo.chain} ("main", "test",
   * "regtest") and the spelled-out ones ("mainnet", "testnet").
   */
  public static DogecoinNetwork of(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "main", "mainnet" -> MAINNET;
      case "test", "testnet" -> TESTNET;
      case "regtest" -> REGTEST;
      default ->
          throw new IllegalArgumentException(
              "unknown Dogecoin network '"
                  + name
                  + "', expected one of "
                  + Arrays.toString(new String[] {"mainnet", "testnet", "regtest"}));
    };
  }

  /** The chain name Dogecoin Core uses ("main", "test", "regtest"). */
  @Override
  public String id() {
    return "org.dogecoin." + id;
  }

  public String chainName() {
    return id;
  }

  public int p2pkhVersion() {
    return p2pkhVersion;
  }

  public int p2shVersion() {
    return p2shVersion;
  }

  public int wifVersion() {
    return wifVersion;
  }

  /**
   * Version prefix of serialized extended public keys (dgub on mainnet, tpub on testnet/regtest).
   */
  public int xpubVersion() {
    return xpubVersion;
  }

  /**
   * Version prefix of serialized extended private keys (dgpv on mainnet, tprv on testnet/regtest).
   */
  public int xprvVersion() {
    return xprvVersion;
  }

  public int defaultRpcPort() {
    return defaultRpcPort;
  }

  @Override
  public int legacyAddressHeader() {
    return p2pkhVersion;
  }

  @Override
  public int legacyP2SHHeader() {
    return p2shVersion;
  }

  /** Dogecoin has no SegWit; there is no human-readable part. */
  @Override
  public String segwitAddressHrp() {
    return "";
  }

  @Override
  public String uriScheme() {
    return "dogecoin";
  }

  @Override
  public boolean hasMaxMoney() {
    return false;
  }

  @Override
  public Monetary maxMoney() {
    return Coin.valueOf(Long.MAX_VALUE);
  }

  @Override
  public boolean exceedsMaxMoney(Monetary amount) {
    return false;
  }
}
