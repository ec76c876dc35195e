package com.dbay.wallet.application.port.out;

import com.dbay.wallet.domain.Money;
import com.dbay.wallet.domain.WithdrawalId;

/**
 * Builds and signs the one transaction of a withdrawal: chooses inputs, pays {@code amount} to the
 * address, change to the wallet, and a fee of 0.01 DOGE per kB of the exact size, at most {@code maxFee}.
 */
public interface TransactionSigner {

  SignedTransaction sign(WithdrawalId withdrawal, String address, Money amount, Money maxFee);

  record SignedTransaction(String txid, String rawHex, Money fee) {}
}
