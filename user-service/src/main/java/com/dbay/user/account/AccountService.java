package com.dbay.user.account;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.FieldProblem;
import com.dbay.user.UserProperties;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

  static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9_.-]{2,29}$");

  /** Names that would read as paths or system actors. */
  static final Set<String> RESERVED = Set.of("me", "internal", "system", "root", "support", "dbay");

  private final Users users;
  private final PasswordEncoder passwords;
  private final UserProperties properties;
  private final Clock clock;

  public AccountService(
      Users users, PasswordEncoder passwords, UserProperties properties, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public User register(Registration registration) {
    String email = registration.email().trim().toLowerCase(Locale.ROOT);
    String username = registration.username().trim().toLowerCase(Locale.ROOT);
    Map<String, String> errors = new LinkedHashMap<>();
    if (!USERNAME.matcher(username).matches()) {
      errors.put(
          "username",
          "must be 3-30 letters, digits, '.', '_' or '-', starting with a letter or digit");
    } else if (RESERVED.contains(username)) {
      errors.put("username", "is reserved");
    }
    PasswordPolicy.check(registration.password(), username, email)
        .ifPresent(reason -> errors.put("password", reason));
    if (!errors.isEmpty()) {
      throw DomainException.invalid(fieldProblems(errors));
    }
    Map<String, String> taken = new LinkedHashMap<>();
    if (users.existsByEmail(email)) {
      taken.put("email", "is already registered");
    }
    if (users.existsByUsername(username)) {
      taken.put("username", "is already taken");
    }
    if (!taken.isEmpty()) {
      throw duplicate(taken);
    }
    String displayName =
        registration.displayName() == null || registration.displayName().isBlank()
            ? username
            : registration.displayName().trim();
    User user =
        User.register(
            email,
            username,
            passwords.encode(registration.password()),
            displayName,
            clock.instant());
    if (properties.bootstrapAdmins().contains(username)) {
      user.grant(Role.ADMIN, clock.instant());
    }
    try {
      return users.saveAndFlush(user);
    } catch (DataIntegrityViolationException race) {
      // Two registrations with the same name at once: the unique index decides, the loser gets 409.
      throw duplicate(Map.of("username", "is already taken or the email is already registered"));
    }
  }

  private static DomainException duplicate(Map<String, String> errors) {
    return new DomainException(
        DomainException.Kind.CONFLICT,
        "duplicate-account",
        null,
        "An account with these details already exists.",
        fieldProblems(errors),
        Map.of());
  }

  private static List<FieldProblem> fieldProblems(Map<String, String> errors) {
    return errors.entrySet().stream().map(e -> new FieldProblem(e.getKey(), e.getValue())).toList();
  }

  @Transactional
  public User updateProfile(UserId id, ProfileUpdate update) {
    User user = users.findById(id).orElseThrow(() -> DomainException.notFound("The account"));
    user.updateProfile(update, clock.instant());
    return user;
  }

  @Transactional(readOnly = true)
  public java.util.Optional<User> find(UserId id) {
    return users.findById(id);
  }

  @Transactional(readOnly = true)
  public User get(UserId id) {
    return users.findById(id).orElseThrow(() -> DomainException.notFound("The account"));
  }

  @Transactional(readOnly = true)
  public User byUsername(String username) {
    return users
        .findByUsername(username.toLowerCase(Locale.ROOT))
        .orElseThrow(() -> DomainException.notFound("The member"));
  }
}
