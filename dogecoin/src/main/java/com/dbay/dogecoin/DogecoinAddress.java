package com.dbay.dogecoin;

import static com.dbay.dogecoin.DogecoinFormatException.Kind.ADDRESS;
import static com.dbay.dogecoin.DogecoinFormatException.Reason.MALFORMED;
import static com.dbay.dogecoin.DogecoinFormatException.Reason.UNSUPPORTED_TYPE;
import static com.dbay.dogecoin.DogecoinFormatException.Reason.WRONG_NETWORK;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bitcoinj.base.Base58;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.bitcoinj.script.ScriptPattern;

/**
 * A legacy Dogecoin address: a version byte and a 20-byte hash, Base58Check encoded. Dogecoin has
 * no SegWit.
 */
public record DogecoinAddress(DogecoinNetwork network, Type type, byte[] hash160)
    implements Comparable<DogecoinAddress> {

  public enum Type {
    P2PKH,
    P2SH
  }

  public DogecoinAddress {
    if (network == null || type == null || hash160 == null || hash160.length != 20) {
      throw new IllegalArgumentException("an address needs a network, a type and a 20-byte hash");
    }
    hash160 = hash160.clone();
  }

  public static DogecoinAddress p2pkh(DogecoinNetwork network, byte[] pubKeyHash) {
    return new DogecoinAddress(network, Type.P2PKH, pubKeyHash);
  }

  public static DogecoinAddress fromKey(DogecoinNetwork network, ECKey key) {
    return p2pkh(network, key.getPubKeyHash());
  }

  /**
   * Parses and validates an address for {@code network}: Base58, checksum, length and version byte.
   *
   * @throws DogecoinFormatException with reason MALFORMED, BAD_CHECKSUM or WRONG_NETWORK
   */
  public static DogecoinAddress parse(String text, DogecoinNetwork network) {
    byte[] data = Base58Check.decode(text, ADDRESS);
    if (data.length != 21) {
      throw new DogecoinFormatException(
          ADDRESS, MALFORMED, "address has " + (data.length - 1) + " hash bytes, expected 20");
    }
    int version = data[0] & 0xFF;
    byte[] hash = Arrays.copyOfRange(data, 1, 21);
    if (version == network.p2pkhVersion()) {
      return new DogecoinAddress(network, Type.P2PKH, hash);
    }
    if (version == network.p2shVersion()) {
      return new DogecoinAddress(network, Type.P2SH, hash);
    }
    String other =
        Arrays.stream(DogecoinNetwork.values())
            .filter(
                n -> n != network && (n.p2pkhVersion() == version || n.p2shVersion() == version))
            .map(DogecoinNetwork::chainName)
            .findFirst()
            .map(n -> " (it is a Dogecoin " + n + " address)")
            .orElse(" (not a Dogecoin address)");
    throw new DogecoinFormatException(
        ADDRESS,
        WRONG_NETWORK,
        "address version 0x"
            + String.format("%02x", version)
            + " is not valid on Dogecoin "
            + network.chainName()
            + other);
  }

  /**
   * Like {@link #parse} but accepts only pay-to-public-key-hash, the only type this system pays to.
   */
  public static DogecoinAddress parseP2pkh(String text, DogecoinNetwork network) {
    DogecoinAddress a = parse(text, network);
    if (a.type != Type.P2PKH) {
      throw new DogecoinFormatException(
          ADDRESS, UNSUPPORTED_TYPE, "only P2PKH addresses are supported, got P2SH");
    }
    return a;
  }

  /** The address a standard output script pays to, if it is P2PKH or P2SH. */
  public static Optional<DogecoinAddress> fromScriptPubKey(
      byte[] scriptPubKey, DogecoinNetwork network) {
    try {
      Script script = Script.parse(scriptPubKey);
      if (ScriptPattern.isP2PKH(script)) {
        return Optional.of(
            new DogecoinAddress(network, Type.P2PKH, ScriptPattern.extractHashFromP2PKH(script)));
      }
      if (ScriptPattern.isP2SH(script)) {
        return Optional.of(
            new DogecoinAddress(network, Type.P2SH, ScriptPattern.extractHashFromP2SH(script)));
      }
    } catch (RuntimeException e) {
      // unparseable scripts pay to no address
    }
    return Optional.empty();
  }

  public int version() {
    return type == Type.P2PKH ? network.p2pkhVersion() : network.p2shVersion();
  }

  public String toBase58() {
    return Base58.encodeChecked(version(), hash160);
  }

  /** The output script that pays to this address. */
  public Script scriptPubKey() {
    return type == Type.P2PKH
        ? ScriptBuilder.createP2PKHOutputScript(hash160)
        : new ScriptBuilder()
            .op(org.bitcoinj.script.ScriptOpCodes.OP_HASH160)
            .data(hash160)
            .op(org.bitcoinj.script.ScriptOpCodes.OP_EQUAL)
            .build();
  }

  @Override
  public byte[] hash160() {
    return hash160.clone();
  }

  public String hash160Hex() {
    return HexFormat.of().formatHex(hash160);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DogecoinAddress a
        && a.network == network
        && a.type == type
        && Arrays.equals(a.hash160, hash160);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * network.hashCode() + type.hashCode()) + Arrays.hashCode(hash160);
  }

  @Override
  public int compareTo(DogecoinAddress o) {
    return toBase58().compareTo(o.toBase58());
  }

  @Override
  public String toString() {
    return toBase58();
  }
}
