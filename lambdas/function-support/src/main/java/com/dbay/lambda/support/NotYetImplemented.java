package com.dbay.lambda.support;

/**
 * Thrown by the default adapter of a function whose business logic belongs to a later feature
 * issue, so that the function fails loudly instead of pretending to have done its work. The error
 * name that Step Functions and the local runtime report is this class's name.
 */
public class NotYetImplemented extends UnsupportedOperationException {

  private final String function;
  private final String owner;

  public NotYetImplemented(String function, String what, String owner) {
    super(function + ": " + what + " is not implemented yet; it lands with " + owner);
    this.function = function;
    this.owner = owner;
  }

  public String function() {
    return function;
  }

  public String owner() {
    return owner;
  }
}
