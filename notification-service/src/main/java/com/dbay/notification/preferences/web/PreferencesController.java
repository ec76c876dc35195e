package com.dbay.notification.preferences.web;

import com.dbay.notification.preferences.Kinds;
import com.dbay.notification.preferences.Preferences;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's notification preferences: for each kind, whether it comes in the app, by
 * email and as a browser push. PUT sets the kinds it names ({@code {"preferences": {"outbid":
 * {"email": false}}}}) and answers the whole set.
 */
@RestController
@RequestMapping("/api/v1/notification/preferences")
class PreferencesController {

  record KindView(String kind, String label, Map<String, Boolean> channels) {}

  record PreferencesView(List<String> channels, List<KindView> kinds) {}

  record PreferencesForm(Map<String, Map<String, Boolean>> preferences) {}

  private final Preferences preferences;

  PreferencesController(Preferences preferences) {
    this.preferences = preferences;
  }

  @GetMapping
  PreferencesView get(@CurrentUser Identity user) {
    return view(preferences.of(user.userId()));
  }

  @PutMapping
  PreferencesView put(@CurrentUser Identity user, @RequestBody PreferencesForm form) {
    return view(preferences.update(user.userId(), form.preferences()));
  }

  private static PreferencesView view(Map<String, Map<String, Boolean>> all) {
    return new PreferencesView(
        Kinds.CHANNELS,
        Kinds.ALL.stream().map(k -> new KindView(k.kind(), k.label(), all.get(k.kind()))).toList());
  }
}
