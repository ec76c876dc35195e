package com.dbay.wallet.application.port.out;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.UserId;
import java.util.List;
import java.util.Optional;

public interface Deposits {

  /** Stores a newly seen deposit; false when (txid, vout) is already known. */
  boolean insert(Deposit deposit);

  Optional<Deposit> lock(DepositId id);

  Optional<Deposit> find(DepositId id);

  void save(Deposit deposit);

  List<Deposit> pending();

  /** The user's deposits, newest first (detection time), at most {@code limit}. */
  List<Deposit> ofUser(UserId user, int limit);

  /** What the user has on the way: the sum of their deposits seen on chain but not yet credited. */
  Doge pendingTotal(UserId user);
}
