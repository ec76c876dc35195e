package com.dbay.wallet.application.port.out;

import com.dbay.wallet.domain.Hold;
import com.dbay.wallet.domain.UserId;
import java.util.Optional;

public interface Holds {

  /** The hold of (user, reference), locked for the rest of the unit of work; a new empty one if none exists. */
  Hold lockOrCreate(UserId user, String reference);

  Optional<Hold> lock(UserId user, String reference);

  Optional<Hold> find(UserId user, String reference);

  void save(Hold hold);
}
