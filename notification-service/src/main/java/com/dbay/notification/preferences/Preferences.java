package com.dbay.notification.preferences;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-user choices per kind x channel, over the defaults of {@link Kinds}. */
@Service
public class Preferences {

  private final PreferenceStore store;
  private final Clock clock;

  Preferences(PreferenceStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** kind -> channel -> on, for every kind and channel, in catalogue order. */
  @Transactional(readOnly = true)
  public Map<String, Map<String, Boolean>> of(String userId) {
    Map<String, Map<String, Boolean>> out = new LinkedHashMap<>();
    for (Kinds.Kind k : Kinds.ALL) {
      Map<String, Boolean> channels = new LinkedHashMap<>();
      for (String c : Kinds.CHANNELS) {
        channels.put(c, k.defaults().contains(c));
      }
      out.put(k.kind(), channels);
    }
    for (PreferenceStore.Choice c : store.of(userId)) {
      Map<String, Boolean> channels = out.get(c.kind());
      if (channels != null && channels.containsKey(c.channel())) {
        channels.put(c.channel(), c.enabled());
      }
    }
    return out;
  }

  /** Whether this user gets this kind on this channel. */
  public boolean wants(String userId, String kind, String channel) {
    return store.chosen(userId, kind, channel).orElseGet(() -> Kinds.byDefault(kind, channel));
  }

  /**
   * Sets the given kinds' channels (the others stay); an unknown kind or channel, or a missing
   * value, refuses the whole change.
   */
  @Transactional
  public Map<String, Map<String, Boolean>> update(
      String userId, Map<String, Map<String, Boolean>> changes) {
    List<FieldProblem> problems = new ArrayList<>();
    if (changes == null || changes.isEmpty()) {
      problems.add(new FieldProblem("preferences", "must name at least one kind"));
    } else {
      changes.forEach(
          (kind, channels) -> {
            if (Kinds.find(kind).isEmpty()) {
              problems.add(
                  new FieldProblem("preferences." + kind, "is not a kind of notification"));
              return;
            }
            if (channels == null || channels.isEmpty()) {
              problems.add(
                  new FieldProblem("preferences." + kind, "must set at least one channel"));
              return;
            }
            channels.forEach(
                (channel, on) -> {
                  if (!Kinds.CHANNELS.contains(channel)) {
                    problems.add(
                        new FieldProblem(
                            "preferences." + kind + "." + channel,
                            "is not a channel (in_app, email, push)"));
                  } else if (on == null) {
                    problems.add(
                        new FieldProblem(
                            "preferences." + kind + "." + channel, "must be true or false"));
                  }
                });
          });
    }
    if (!problems.isEmpty()) {
      throw DomainException.invalid(problems);
    }
    var now = clock.instant();
    changes.forEach(
        (kind, channels) ->
            channels.forEach((channel, on) -> store.set(userId, kind, channel, on, now)));
    return of(userId);
  }
}
