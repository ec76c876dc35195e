package com.dbay.wallet.adapter.out.persistence;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.UserId;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives a user spendable DOGE the way the chain does: a deposit to their address, seen and
 * confirmed.
 */
final class DevFunding {

  private DevFunding() {}

  static void fund(DepositService deposits, UserId user, long doge) {
    String address = deposits.depositAddress(user).address();
    byte[] txid = new byte[32];
    ThreadLocalRandom.current().nextBytes(txid);
    DepositId id = new DepositId(HexFormat.of().formatHex(txid), 0);
    deposits.recordDetected(id, address, Doge.ofDoge(doge), "block", 1);
    deposits.observe(id, 6);
  }
}
