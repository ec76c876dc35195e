package com.dbay.wallet.application.port.out;

import com.dbay.wallet.domain.Escrow;
import java.util.Optional;

public interface Escrows {

  /** Stores a new escrow; false when one already exists for the order. */
  boolean insert(Escrow escrow);

  Optional<Escrow> lock(String orderId);

  Optional<Escrow> find(String orderId);

  void save(Escrow escrow);
}
