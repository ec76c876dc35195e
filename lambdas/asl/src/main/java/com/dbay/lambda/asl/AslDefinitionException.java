package com.dbay.lambda.asl;

import java.util.List;

/**
 * A definition the engine refuses when it loads, with every problem found, each with its JSON
 * location.
 */
public class AslDefinitionException extends RuntimeException {

  private final List<String> problems;

  public AslDefinitionException(List<String> problems) {
    super("invalid state machine definition:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
