package com.dbay.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local push service for the tests: an HTTP server that takes Web Push requests as a real push
 * service would, and a browser's side of it. Each {@link Browser} has its own P-256 key pair and
 * auth secret (what {@code pushManager.subscribe} makes in a browser); what arrives for it is
 * checked and opened here, written from the RFCs and the JDK's crypto only (nothing of the library
 * the service sends with):
 *
 * <ul>
 *   <li>RFC 8292: {@code Authorization: vapid t=<JWT>, k=<key>}; the ES256 signature of the JWT
 *       verifies with {@code k}; {@code aud} is the endpoint's origin, {@code exp} within 24 h,
 *       {@code sub} a mailto:/https: contact;
 *   <li>RFC 8188/8291: {@code Content-Encoding: aes128gcm}, the body decrypted with the browser's
 *       private key and auth secret, its padding delimiter checked.
 * </ul>
 *
 * A browser marked {@link Browser#gone()} answers 410 as a push service does for an unsubscribed
 * browser.
 */
public final class PushReceiver implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
  private static final Pattern VAPID = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([^,\\s]+)");

  /** One push as received, checked and decrypted. */
  public record Push(
      String browser, String vapidKey, JsonNode jwtClaims, String plaintext, String ttl) {
    public JsonNode json() {
      return JSON.readTree(plaintext);
    }
  }

  /** A push the receiver refused, with why (a failing check is a test failure by the caller). */
  public record Refused(String browser, String reason) {}

  private final HttpServer server;
  private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
  private final List<Push> pushes = new CopyOnWriteArrayList<>();
  private final List<Refused> refused = new CopyOnWriteArrayList<>();
  private final Set<String> gone = ConcurrentHashMap.newKeySet();

  public PushReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/push/",
        exchange -> {
          String name = exchange.getRequestURI().getPath().substring("/push/".length());
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status;
          Browser browser = browsers.get(name);
          if (browser == null) {
            status = 404;
          } else if (gone.contains(name)) {
            status = 410;
          } else {
            try {
              pushes.add(browser.receive(exchange.getRequestHeaders(), body));
              status = 201;
            } catch (GeneralSecurityException | RuntimeException e) {
              refused.add(new Refused(name, e.toString()));
              status = 400;
            }
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A new browser profile with its own keys, subscribed at {@code <origin>/push/<name>}. */
  public Browser browser(String name) {
    Browser b = new Browser(name);
    browsers.put(name, b);
    return b;
  }

  public List<Push> pushesTo(String browser) {
    return pushes.stream().filter(p -> p.browser().equals(browser)).toList();
  }

  public List<Refused> refused() {
    return List.copyOf(refused);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** The browser's side: its keys, what it would hand to the server, and decryption. */
  public final class Browser {
    private final String name;
    private final KeyPair keys;
    private final byte[] publicBytes;
    private final byte[] auth = new byte[16];

    Browser(String name) {
      this.name = name;
      try {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        keys = g.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      publicBytes = uncompressed((ECPublicKey) keys.getPublic());
      new SecureRandom().nextBytes(auth);
    }

    public String endpoint() {
      return origin() + "/push/" + name;
    }

    public String p256dh() {
      return B64.encodeToString(publicBytes);
    }

    public String auth() {
      return B64.encodeToString(auth);
    }

    /** What {@code PushSubscription.toJSON()} gives, as the SPA posts it. */
    public Map<String, Object> subscription() {
      return Map.of("endpoint", endpoint(), "keys", Map.of("p256dh", p256dh(), "auth", auth()));
    }

    /** From now on the push service answers 410 Gone for this browser. */
    public void gone() {
      PushReceiver.this.gone.add(name);
    }

    Push receive(com.sun.net.httpserver.Headers headers, byte[] body)
        throws GeneralSecurityException {
      if (!"aes128gcm".equalsIgnoreCase(headers.getFirst("Content-Encoding"))) {
        throw new SecurityException("Content-Encoding is " + headers.getFirst("Content-Encoding"));
      }
      String ttl = headers.getFirst("TTL");
      if (ttl == null) {
        throw new SecurityException("no TTL header (RFC 8030 requires it)");
      }
      String authorization = headers.getFirst("Authorization");
      Matcher m = VAPID.matcher(authorization == null ? "" : authorization);
      if (!m.matches()) {
        throw new SecurityException("Authorization is not 'vapid t=..., k=...': " + authorization);
      }
      JsonNode claims = verifyJwt(m.group(1), m.group(2));
      return new Push(name, m.group(2), claims, decrypt(body), ttl);
    }

    /** RFC 8292 section 2: an ES256 JWT signed by the key in {@code k}, for this origin. */
    private JsonNode verifyJwt(String jwt, String k) throws GeneralSecurityException {
      String[] parts = jwt.split("\\.");
      if (parts.length != 3) {
        throw new SecurityException("not a JWT");
      }
      JsonNode header = JSON.readTree(UNB64.decode(parts[0]));
      if (!"ES256".equals(header.path("alg").asString())) {
        throw new SecurityException("alg is " + header.path("alg"));
      }
      Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      verifier.initVerify(publicKey(UNB64.decode(k)));
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(UNB64.decode(parts[2]))) {
        throw new SecurityException("the VAPID JWT's signature does not verify with k");
      }
      JsonNode claims = JSON.readTree(UNB64.decode(parts[1]));
      if (!origin().equals(claims.path("aud").asString())) {
        throw new SecurityException("aud " + claims.path("aud") + " is not " + origin());
      }
      long exp = claims.path("exp").asLong();
      long now = Instant.now().getEpochSecond();
      if (exp <= now || exp > now + 24 * 3600) {
        throw new SecurityException("exp " + exp + " not within 24 h of now " + now);
      }
      String sub = claims.path("sub").asString();
      if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
        throw new SecurityException("sub " + sub + " is not a mailto: or https: contact");
      }
      return claims;
    }

    /** RFC 8291 section 3.4 and RFC 8188 section 2 (one record). */
    private String decrypt(byte[] body) throws GeneralSecurityException {
      ByteBuffer in = ByteBuffer.wrap(body);
      byte[] salt = new byte[16];
      in.get(salt);
      int rs = in.getInt();
      int idlen = in.get() & 0xff;
      if (idlen != 65) {
        throw new SecurityException("keyid is " + idlen + " bytes, not a P-256 public key");
      }
      byte[] senderPublic = new byte[idlen];
      in.get(senderPublic);
      byte[] ciphertext = new byte[in.remaining()];
      in.get(ciphertext);
      if (ciphertext.length > rs) {
        throw new SecurityException("more than one record");
      }

      KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
      ecdh.init(keys.getPrivate());
      ecdh.doPhase(publicKey(senderPublic), true);
      byte[] ecdhSecret = ecdh.generateSecret();

      byte[] prkKey = hmac(auth, ecdhSecret);
      byte[] keyInfo =
          concat(
              "WebPush: info".getBytes(StandardCharsets.US_ASCII),
              new byte[] {0},
              publicBytes,
              senderPublic,
              new byte[] {1});
      byte[] ikm = hmac(prkKey, keyInfo);
      byte[] prk = hmac(salt, ikm);
      byte[] cek =
          Arrays.copyOf(
              hmac(
                  prk,
                  concat(
                      "Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII),
                      new byte[] {0, 1})),
              16);
      byte[] nonce =
          Arrays.copyOf(
              hmac(
                  prk,
                  concat(
                      "Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII),
                      new byte[] {0, 1})),
              12);
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(
          Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
      byte[] padded = aes.doFinal(ciphertext);
      int end = padded.length - 1;
      while (end >= 0 && padded[end] == 0) {
        end--;
      }
      if (end < 0 || padded[end] != 2) {
        throw new SecurityException("no last-record padding delimiter (0x02)");
      }
      return new String(padded, 0, end, StandardCharsets.UTF_8);
    }
  }

  static byte[] uncompressed(ECPublicKey key) {
    return concat(new byte[] {4}, fixed(key.getW().getAffineX()), fixed(key.getW().getAffineY()));
  }

  static PublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
    if (uncompressed.length != 65 || uncompressed[0] != 4) {
      throw new SecurityException("not an uncompressed P-256 point");
    }
    var params = java.security.AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec("secp256r1"));
    var spec = params.getParameterSpec(java.security.spec.ECParameterSpec.class);
    ECPoint w =
        new ECPoint(
            new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
            new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
  }

  private static byte[] fixed(BigInteger n) {
    byte[] raw = n.toByteArray();
    byte[] out = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, 32 - len, len);
    return out;
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
