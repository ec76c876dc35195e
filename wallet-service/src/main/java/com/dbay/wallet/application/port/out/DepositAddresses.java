package com.dbay.wallet.application.port.out;

import com.dbay.wallet.domain.DepositAddress;
import com.dbay.wallet.domain.UserId;
import java.util.Optional;

public interface DepositAddresses {

  Optional<DepositAddress> find(UserId user);

  Optional<DepositAddress> findByAddress(String address);

  /** The next derivation index from a sequence: never handed out twice, even if unused. */
  long nextIndex();

  /** Stores the user's address; false if the user got one concurrently. */
  boolean insert(DepositAddress address);
}
