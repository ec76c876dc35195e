package com.dbay.dogecoin;

/**
 * Upper bounds of legacy P2PKH transaction sizes. A signed input with a compressed key is at most
 * 148 bytes: outpoint 36, script length 1, script 107 (push 72: a DER low-S signature of at most 71
 * bytes plus the sighash byte; push 33: the key), sequence 4. An output is 34 bytes (value 8,
 * length 1, script 25).
 */
public final class TransactionSizes {

  public static final int MAX_P2PKH_INPUT = 148;

  /**
   * A signed input whose DER signature is exactly 70 bytes (low R and full-length r and s, as
   * {@link TransactionSigner#signAsPlanned} makes them): 36 + 1 + (1 + 70 + 1) + (1 + 33) + 4.
   */
  public static final int EXACT_P2PKH_INPUT = 147;

  public static final int P2PKH_OUTPUT = 34;

  /** Dogecoin Core's standardness limit (MAX_STANDARD_TX_SIZE). */
  public static final int MAX_STANDARD_TX = 100_000;

  private TransactionSizes() {}

  public static int maxSize(int inputs, int outputs) {
    return 4
        + varIntSize(inputs)
        + inputs * MAX_P2PKH_INPUT
        + varIntSize(outputs)
        + outputs * P2PKH_OUTPUT
        + 4;
  }

  /**
   * The exact size of a transaction signed by {@link TransactionSigner#signAsPlanned} (compressed
   * keys).
   */
  public static int exactSize(int inputs, int outputs) {
    return 4
        + varIntSize(inputs)
        + inputs * EXACT_P2PKH_INPUT
        + varIntSize(outputs)
        + outputs * P2PKH_OUTPUT
        + 4;
  }

  static int varIntSize(long n) {
    if (n < 0xFD) {
      return 1;
    }
    if (n <= 0xFFFF) {
      return 3;
    }
    if (n <= 0xFFFFFFFFL) {
      return 5;
    }
    return 9;
  }
}
