package com.dbay.user.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * NIST SP 800-63B style: length over composition rules. At least 10 characters, at most 72 bytes
 * (bcrypt's limit, so nothing is silently cut off), not a well-known password, not built from the
 * username or email, and not a run of a few repeated characters.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_BYTES = 72;

  // The most common passwords of public breach corpora that are long enough to pass the length
  // rule.
  private static final Set<String> COMMON =
      Set.of(
          "1234567890",
          "12345678910",
          "123456789a",
          "0123456789",
          "1q2w3e4r5t",
          "1qaz2wsx3edc",
          "qwertyuiop",
          "password12",
          "password123",
          "password1234",
          "passw0rd123",
          "iloveyou12",
          "qwerty1234",
          "qwerty12345",
          "1234qwerty",
          "asdfghjkl1",
          "zaq12wsxcde",
          "abcdefghij",
          "abc1234567",
          "letmein123",
          "welcome123",
          "administrator",
          "changeme123",
          "football123",
          "baseball123",
          "princess123",
          "monkey1234",
          "sunshine123",
          "superman123",
          "trustno1234",
          "dragon1234",
          "michael123",
          "master1234",
          "9876543210",
          "1111111111",
          "0000000000",
          "qwertyuiop1",
          "password!1",
          "p@ssw0rd123",
          "p@ssword123");

  private PasswordPolicy() {}

  /** The reason the password is refused, or empty when it is acceptable. */
  public static Optional<String> check(String password, String username, String email) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("must be at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("must be at most " + MAX_BYTES + " bytes");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      return Optional.of("is a well-known password");
    }
    if (password.chars().distinct().count() < 4) {
      return Optional.of("needs more than a few different characters");
    }
    if (username != null
        && username.length() >= 3
        && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("must not contain the username");
    }
    if (email != null) {
      String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
      if (local.length() >= 3 && lower.contains(local)) {
        return Optional.of("must not contain the email address");
      }
    }
    return Optional.empty();
  }
}
