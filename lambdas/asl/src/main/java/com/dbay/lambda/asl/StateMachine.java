package com.dbay.lambda.asl;

import java.util.Map;

/**
 * A validated state machine (or a Parallel branch, which has the same shape). States keep their
 * definition order.
 */
public record StateMachine(String comment, String startAt, Map<String, State> states) {

  public State state(String name) {
    State state = states.get(name);
    if (state == null) {
      throw new IllegalArgumentException("no state named '" + name + "'");
    }
    return state;
  }

  /**
   * The machine that a branch path names: "" is this machine, "Fanout/1" the second branch of
   * Parallel state Fanout, "Fanout/1/Inner/0" a branch nested in it.
   */
  public StateMachine branch(String branchPath) {
    if (branchPath == null || branchPath.isEmpty()) {
      return this;
    }
    StateMachine current = this;
    String[] parts = branchPath.split("/");
    for (int i = 0; i + 1 < parts.length; i += 2) {
      State state = current.state(parts[i]);
      if (!(state instanceof State.Parallel parallel)) {
        throw new IllegalArgumentException("'" + parts[i] + "' is not a Parallel state");
      }
      current = parallel.branches().get(Integer.parseInt(parts[i + 1]));
    }
    return current;
  }
}
