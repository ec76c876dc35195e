package com.dbay.wallet.application.port.out;

import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.DepositId;
import java.util.List;
import java.util.Optional;

public interface Deposits {

  /** Stores a newly seen deposit; false when (txid, vout) is already known. */
  boolean insert(Deposit deposit);

  Optional<Deposit> lock(DepositId id);

  Optional<Deposit> find(DepositId id);

  void save(Deposit deposit);

  List<Deposit> pending();
}
