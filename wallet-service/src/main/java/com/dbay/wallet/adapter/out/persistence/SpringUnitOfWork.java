package com.dbay.wallet.adapter.out.persistence;

import com.dbay.wallet.application.port.out.UnitOfWork;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

public class SpringUnitOfWork implements UnitOfWork {

  private final TransactionTemplate transactions;

  public SpringUnitOfWork(TransactionTemplate transactions) {
    this.transactions = transactions;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return transactions.execute(status -> work.get());
  }
}
