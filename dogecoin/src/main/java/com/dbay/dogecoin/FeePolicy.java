package com.dbay.dogecoin;

/**
 * Transaction fee and dust rules.
 *
 * <p>Dogecoin Core's recommendation (doc/fee-recommendation.md, 1.14.5+): 0.01 DOGE per kilobyte,
 * computed over the exact transaction size since 1.14.5 (before that Core rounded the size up to
 * the next started kilobyte); a soft dust limit of 0.01 DOGE below which outputs are not created
 * (change under it is given to the fee); miners include at 0.01 DOGE/kB by default, relays accept
 * 0.001 DOGE/kB. Both roundings are offered; {@link #DEFAULT} follows Core.
 */
public record FeePolicy(long feePerKb, Rounding rounding, long softDust) {

  public enum Rounding {
    /** fee = ceil(rate × bytes / 1000): Dogecoin Core 1.14.5 and later. */
    EXACT_SIZE,
    /**
     * fee = rate × ceil(bytes / 1000): every started kilobyte pays in full (Core before 1.14.5).
     */
    PER_STARTED_KB
  }

  public static final long ONE_HUNDREDTH_DOGE = 1_000_000L;

  /** 0.01 DOGE per kB of the exact size, soft dust 0.01 DOGE. */
  public static final FeePolicy DEFAULT =
      new FeePolicy(ONE_HUNDREDTH_DOGE, Rounding.EXACT_SIZE, ONE_HUNDREDTH_DOGE);

  /** 0.01 DOGE per started kB, soft dust 0.01 DOGE: always at least {@link #DEFAULT}'s fee. */
  public static final FeePolicy PER_STARTED_KILOBYTE =
      new FeePolicy(ONE_HUNDREDTH_DOGE, Rounding.PER_STARTED_KB, ONE_HUNDREDTH_DOGE);

  public FeePolicy {
    if (feePerKb < 0 || softDust < 0 || rounding == null) {
      throw new IllegalArgumentException("fee rate and dust limit must be non-negative");
    }
  }

  public long feeFor(int sizeBytes) {
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("size must be non-negative");
    }
    return switch (rounding) {
      case EXACT_SIZE -> Math.ceilDiv(Math.multiplyExact(feePerKb, (long) sizeBytes), 1000L);
      case PER_STARTED_KB -> Math.multiplyExact(feePerKb, Math.ceilDiv((long) sizeBytes, 1000L));
    };
  }

  public boolean isDust(long value) {
    return value < softDust;
  }
}
