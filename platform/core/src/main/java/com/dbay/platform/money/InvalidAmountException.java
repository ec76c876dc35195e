package com.dbay.platform.money;

/**
 * An amount text that is not a valid DOGE amount; the message says why, in words a user can act on.
 */
public class InvalidAmountException extends IllegalArgumentException {

  public InvalidAmountException(String message) {
    super(message);
  }
}
