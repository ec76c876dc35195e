package com.dbay.platform.test;

import com.dbay.platform.servicecall.InternalEndpoints;
import com.dbay.platform.servicecall.ServiceCallSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Random keys, per test run, for every part that may call a service (from {@code
 * dbay/internal-endpoints.tsv}), plus one part that may call nothing there ({@link #STRANGER}).
 * Point the service at {@link #trustedCallersFile()} ({@code
 * dbay.service-calls.trusted-callers-file}) and sign calls with {@link #signer} or {@link
 * #headersFor}:
 *
 * <pre>{@code
 * static final TestCallers CALLERS = TestCallers.forPart("wallet-service");
 * @DynamicPropertySource static void callers(DynamicPropertyRegistry r) {
 *   r.add("dbay.service-calls.trusted-callers-file", CALLERS::trustedCallersFile);
 * }
 * }</pre>
 */
public final class TestCallers {

  /** A real part with a real key that no row of the table names: "another part's credentials". */
  public static final String STRANGER = "stranger-service";

  private final String part;
  private final Map<String, byte[]> keys = new LinkedHashMap<>();
  private final Path trustedFile;

  private TestCallers(String part) {
    this.part = part;
    TreeSet<String> callers = new TreeSet<>();
    InternalEndpoints.of(part).forEach(e -> callers.addAll(e.callers()));
    SecureRandom random = new SecureRandom();
    StringBuilder file = new StringBuilder();
    for (String caller : callers) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      keys.put(caller, key);
      file.append(caller).append('=').append(Base64.getEncoder().encodeToString(key)).append('\n');
    }
    byte[] stranger = new byte[32];
    random.nextBytes(stranger);
    keys.put(STRANGER, stranger);
    try {
      trustedFile = Files.createTempFile("dbay-trusted-callers-", ".properties");
      trustedFile.toFile().deleteOnExit();
      Files.writeString(trustedFile, file.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TestCallers forPart(String part) {
    return new TestCallers(part);
  }

  /** The file of the callers the part trusts (the stranger is not in it). */
  public String trustedCallersFile() {
    return trustedFile.toString();
  }

  /**
   * A keys file ({@code dbay.service-calls.own-keys-file}) holding only {@code caller}'s key, for a
   * service under test that calls this part as that caller (e.g. search-service calling
   * listing-service: {@code TestCallers.forPart("listing-service").ownKeysFile("search-service")}).
   */
  public String ownKeysFile(String caller) {
    byte[] key = keys.get(caller);
    if (key == null) {
      throw new IllegalArgumentException(caller + " may call nothing on " + part);
    }
    try {
      Path file = Files.createTempFile("dbay-service-keys-", ".properties");
      file.toFile().deleteOnExit();
      Files.writeString(
          file,
          caller + "=" + Base64.getEncoder().encodeToString(key) + "\n",
          StandardCharsets.UTF_8);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ServiceCallSigner signer(String caller) {
    byte[] key = keys.get(caller);
    if (key == null) {
      throw new IllegalArgumentException(
          caller + " may call nothing on " + part + " (see " + InternalEndpoints.RESOURCE + ")");
    }
    return new ServiceCallSigner(caller, key, Clock.systemUTC());
  }

  /**
   * The first caller the table allows on this method and path (a concrete path, e.g. {@code
   * /internal/holds/u1/r1}).
   */
  public String allowedCaller(String method, String path) {
    String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return InternalEndpoints.of(part).stream()
        .filter(
            e ->
                e.method().equalsIgnoreCase(method)
                    && template(e.path()).matcher(pathOnly).matches())
        .map(e -> new TreeSet<>(e.callers()).first())
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no internal endpoint of " + part + " matches " + method + " " + path));
  }

  /** Headers that sign this call as a caller the table allows on it. */
  public Map<String, String> headersFor(String method, String pathAndQuery, String body) {
    return signer(allowedCaller(method, pathAndQuery))
        .headers(
            method,
            URI.create("http://x" + pathAndQuery),
            body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }

  static Pattern template(String path) {
    return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"));
  }
}
