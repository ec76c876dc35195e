package com.dbay.dogecoin;

import static com.dbay.dogecoin.DogecoinFormatException.Kind.BLOCK;
import static com.dbay.dogecoin.DogecoinFormatException.Reason.MALFORMED;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.base.VarInt;
import org.bitcoinj.core.Transaction;

/**
 * Parses raw Dogecoin blocks, including merge-mined ones: when the header version has the AuxPoW
 * bit (1 << 8), the header is followed by the parent chain's coinbase transaction, its block hash,
 * two merkle branches and the parent block's header before the transactions. This is what {@code
 * getblock <hash> false} returns on any Dogecoin Core, including versions whose {@code getblock}
 * knows no verbosity 2.
 */
public final class BlockCodec {

  public static final int HEADER_SIZE = 80;
  static final long VERSION_AUXPOW = 1L << 8;

  private BlockCodec() {}

  public static DecodedBlock decode(String hex, DogecoinNetwork network) {
    return decode(TransactionCodec.parseHex(hex), network);
  }

  public static DecodedBlock decode(byte[] raw, DogecoinNetwork network) {
    try {
      ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
      byte[] header = new byte[HEADER_SIZE];
      buf.get(header);
      ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
      long version = Integer.toUnsignedLong(h.getInt());
      byte[] prev = new byte[32];
      h.get(prev);
      byte[] merkle = new byte[32];
      h.get(merkle);
      long time = Integer.toUnsignedLong(h.getInt());
      long bits = Integer.toUnsignedLong(h.getInt());
      long nonce = Integer.toUnsignedLong(h.getInt());
      boolean auxPow = (version & VERSION_AUXPOW) != 0;
      if (auxPow) {
        skipAuxPow(buf);
      }
      long count = VarInt.read(buf).longValue();
      if (count < 1 || count > raw.length) {
        throw new DogecoinFormatException(BLOCK, MALFORMED, "bad transaction count " + count);
      }
      List<DecodedTransaction> txs = new ArrayList<>();
      for (long i = 0; i < count; i++) {
        int start = buf.position();
        Transaction tx = TransactionCodec.read(buf);
        byte[] txBytes = Arrays.copyOfRange(raw, start, buf.position());
        txs.add(TransactionCodec.describe(tx, txBytes, network));
      }
      if (buf.hasRemaining()) {
        throw new DogecoinFormatException(BLOCK, MALFORMED, "trailing bytes after the block");
      }
      return new DecodedBlock(
          headerHash(header),
          version,
          Sha256Hash.wrapReversed(prev).toString(),
          Sha256Hash.wrapReversed(merkle).toString(),
          time,
          bits,
          nonce,
          auxPow,
          txs,
          raw.length);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      if (e instanceof DogecoinFormatException d) {
        throw d;
      }
      throw new DogecoinFormatException(BLOCK, MALFORMED, "not a valid block: " + e, e);
    }
  }

  /**
   * Serializes a block without AuxPoW: the 80-byte header (version, previous hash, merkle root of
   * the transactions, time, bits, nonce) then the transactions. Hashes are given in the usual
   * reversed hex.
   */
  public static byte[] serialize(
      long version,
      String previousBlockHash,
      long time,
      long bits,
      long nonce,
      List<byte[]> transactions) {
    List<byte[]> txids = transactions.stream().map(Sha256Hash::hashTwice).toList();
    byte[] header = header(version, previousBlockHash, merkleRoot(txids), time, bits, nonce);
    int size =
        HEADER_SIZE
            + VarInt.of(transactions.size()).getSizeInBytes()
            + transactions.stream().mapToInt(t -> t.length).sum();
    ByteBuffer buf = ByteBuffer.allocate(size);
    buf.put(header);
    buf.put(VarInt.of(transactions.size()).serialize());
    transactions.forEach(buf::put);
    return buf.array();
  }

  /** The 80-byte header; {@code merkleRoot} in internal byte order. */
  public static byte[] header(
      long version, String previousBlockHash, byte[] merkleRoot, long time, long bits, long nonce) {
    ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt((int) version);
    h.put(Sha256Hash.wrap(previousBlockHash).getReversedBytes());
    h.put(merkleRoot);
    h.putInt((int) time);
    h.putInt((int) bits);
    h.putInt((int) nonce);
    return h.array();
  }

  /** The block id: double SHA-256 of the 80-byte header, shown byte-reversed as usual. */
  public static String headerHash(byte[] header80) {
    if (header80.length != HEADER_SIZE) {
      throw new IllegalArgumentException("a header is 80 bytes");
    }
    return Sha256Hash.wrapReversed(Sha256Hash.hashTwice(header80)).toString();
  }

  /** Merkle root (internal byte order) of txids given in internal byte order. */
  public static byte[] merkleRoot(List<byte[]> txidsInternalOrder) {
    if (txidsInternalOrder.isEmpty()) {
      throw new IllegalArgumentException("a block has at least one transaction");
    }
    List<byte[]> level = new ArrayList<>(txidsInternalOrder);
    while (level.size() > 1) {
      List<byte[]> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        byte[] left = level.get(i);
        byte[] right = i + 1 < level.size() ? level.get(i + 1) : left;
        next.add(Sha256Hash.hashTwice(left, right));
      }
      level = next;
    }
    return level.getFirst();
  }

  private static void skipAuxPow(ByteBuffer buf) {
    TransactionCodec.read(buf); // parent coinbase
    buf.position(buf.position() + 32); // parent block hash
    skipBranch(buf); // coinbase merkle branch + index
    skipBranch(buf); // chain merkle branch + index
    buf.position(buf.position() + HEADER_SIZE); // parent block header
  }

  private static void skipBranch(ByteBuffer buf) {
    long n = VarInt.read(buf).longValue();
    if (n > 64) {
      throw new DogecoinFormatException(BLOCK, MALFORMED, "merkle branch too long");
    }
    buf.position(buf.position() + (int) n * 32 + 4);
  }
}
