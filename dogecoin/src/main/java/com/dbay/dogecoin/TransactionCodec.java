package com.dbay.dogecoin;

import static com.dbay.dogecoin.DogecoinFormatException.Kind.TRANSACTION;
import static com.dbay.dogecoin.DogecoinFormatException.Reason.MALFORMED;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.core.ProtocolException;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;

/** Parses raw legacy transactions. */
public final class TransactionCodec {

  private TransactionCodec() {}

  public static DecodedTransaction decode(String hex, DogecoinNetwork network) {
    return decode(parseHex(hex), network);
  }

  public static DecodedTransaction decode(byte[] raw, DogecoinNetwork network) {
    Transaction tx = parse(raw);
    return describe(tx, raw, network);
  }

  /** The bitcoinj transaction; the whole input must be one transaction. */
  public static Transaction parse(byte[] raw) {
    ByteBuffer buf = ByteBuffer.wrap(raw);
    Transaction tx = read(buf);
    if (buf.hasRemaining()) {
      throw new DogecoinFormatException(
          TRANSACTION, MALFORMED, "trailing bytes after the transaction");
    }
    return tx;
  }

  static Transaction read(ByteBuffer buf) {
    try {
      Transaction tx = Transaction.read(buf);
      if (tx.hasWitnesses()) {
        throw new DogecoinFormatException(
            TRANSACTION, MALFORMED, "Dogecoin has no witness transactions");
      }
      return tx;
    } catch (BufferUnderflowException | ProtocolException | IllegalArgumentException e) {
      if (e instanceof DogecoinFormatException d) {
        throw d;
      }
      throw new DogecoinFormatException(TRANSACTION, MALFORMED, "not a valid transaction: " + e, e);
    }
  }

  static DecodedTransaction describe(Transaction tx, byte[] raw, DogecoinNetwork network) {
    HexFormat hex = HexFormat.of();
    List<DecodedTransaction.Input> ins = new ArrayList<>();
    for (TransactionInput in : tx.getInputs()) {
      ins.add(
          new DecodedTransaction.Input(
              in.getOutpoint().hash().toString(),
              in.getOutpoint().index(),
              hex.formatHex(in.getScriptBytes()),
              in.getSequenceNumber(),
              in.isCoinBase()));
    }
    List<DecodedTransaction.Output> outs = new ArrayList<>();
    for (TransactionOutput out : tx.getOutputs()) {
      byte[] script = out.getScriptBytes();
      outs.add(
          new DecodedTransaction.Output(
              out.getIndex(),
              out.getValue().value,
              hex.formatHex(script),
              DogecoinAddress.fromScriptPubKey(script, network).orElse(null)));
    }
    return new DecodedTransaction(
        tx.getTxId().toString(),
        tx.getVersion(),
        ins,
        outs,
        tx.getLockTime(),
        raw.length,
        hex.formatHex(raw));
  }

  static byte[] parseHex(String hex) {
    try {
      return HexFormat.of().parseHex(hex.strip());
    } catch (IllegalArgumentException e) {
      throw new DogecoinFormatException(TRANSACTION, MALFORMED, "not hex", e);
    }
  }
}
