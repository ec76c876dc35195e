package com.dbay.order.orders;

import com.dbay.platform.money.Doge;

/**
 * The order's escrow in wallet-service (for orders, offers and disputes alike). Each call carries
 * an Idempotency-Key derived from the order and the step, so asking again (a retry after a crash
 * between the wallet and the order's own commit) gets the first answer back and moves nothing
 * twice.
 */
public interface EscrowWallet {

  /** What a settled escrow paid out; amounts not involved are zero. */
  record Settlement(Doge sellerAmount, Doge fee, Doge buyerRefund) {}

  /** What the wallet holds or paid out for an order (amounts null until settled). */
  record Escrow(
      String orderId, String status, Doge amount, Doge buyerRefund, Doge sellerPayout, Doge fee) {}

  /**
   * Opens the order's escrow with {@code amount} from the buyer's available balance, or from the
   * buyer's hold {@code holdReference} when given (an accepted offer's held funds). Refused (not
   * enough available, a suspended buyer) as a 4xx problem; nothing moved then.
   */
  void fund(String orderId, String buyerId, String sellerId, Doge amount, String holdReference);

  /** Releases the escrow to the seller minus the platform fee. */
  Settlement release(String orderId);

  /** Refunds the whole escrow to the buyer. */
  Settlement refund(String orderId);

  /** The order's escrow, or null when the wallet has none. */
  Escrow get(String orderId);

  /**
   * Settles the escrow by a dispute's ruling under the caller's {@code key}: {@code refund}, {@code
   * release}, or {@code split} with the buyer's percentage (0-100, 2 decimals). The wallet settles
   * an escrow once, so the key's retry answers the first settlement and nothing moves twice.
   */
  Escrow settle(String orderId, String action, String buyerPercent, String key);
}
