package com.dbay.wallet.application.port.out;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.domain.Hold;
import com.dbay.wallet.domain.UserId;
import java.util.Optional;

public interface Holds {

  /**
   * Sets an open hold's amount (creating it at zero first if needed) and returns the hold as it was
   * before, locked for the rest of the unit of work. A captured hold is returned unchanged.
   */
  Hold replaceAmount(UserId user, String reference, Doge amount);

  Optional<Hold> lock(UserId user, String reference);

  Optional<Hold> find(UserId user, String reference);

  void save(Hold hold);
}
