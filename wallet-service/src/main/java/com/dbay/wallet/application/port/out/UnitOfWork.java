package com.dbay.wallet.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically: every write inside commits together or not at all. */
public interface UnitOfWork {

  <T> T inTransaction(Supplier<T> work);
}
