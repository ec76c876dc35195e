package com.dbay.lambda.localruntime.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 as the AWS SDKs sign a request to Lambda or Step Functions (header form:
 * {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} with
 * {@code X-Amz-Date}), checked against the runtime's one access key. The canonical request follows
 * the SigV4 rules for services other than S3: every path segment URI-encoded once more, the query
 * sorted and encoded, the signed headers lower-cased with trimmed values, the payload's SHA-256.
 */
public final class SigV4Verifier {

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request,\\s*SignedHeaders=([a-z0-9;-]+),\\s*Signature=([0-9a-f]{64})");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** AWS allows 15 minutes of clock difference. */
  static final Duration MAX_SKEW = Duration.ofMinutes(15);

  private final String accessKeyId;
  private final byte[] secretKey;
  private final Clock clock;

  public SigV4Verifier(String accessKeyId, String secretAccessKey, Clock clock) {
    this.accessKeyId = accessKeyId;
    this.secretKey = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** Why a request was refused, as AWS names it. */
  public record Refusal(String errorType, String message) {}

  /** Null when the request is signed with the runtime's key, else the refusal. */
  public Refusal verify(
      String method,
      String rawPath,
      String rawQuery,
      Function<String, List<String>> headers,
      byte[] body) {
    String authorization = first(headers.apply("authorization"));
    if (authorization == null) {
      return new Refusal("MissingAuthenticationTokenException", "Missing Authentication Token");
    }
    Matcher m = AUTHORIZATION.matcher(authorization.strip());
    if (!m.matches()) {
      return new Refusal(
          "IncompleteSignatureException",
          "Authorization header is not an AWS4-HMAC-SHA256 signature");
    }
    String keyId = m.group(1),
        date = m.group(2),
        region = m.group(3),
        service = m.group(4),
        signedHeaders = m.group(5),
        signature = m.group(6);
    if (!MessageDigest.isEqual(
        keyId.getBytes(StandardCharsets.UTF_8), accessKeyId.getBytes(StandardCharsets.UTF_8))) {
      return new Refusal(
          "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    String amzDate = first(headers.apply("x-amz-date"));
    Instant signedAt;
    try {
      signedAt = amzDate == null ? null : Instant.from(AMZ_DATE.parse(amzDate));
    } catch (DateTimeParseException e) {
      signedAt = null;
    }
    if (signedAt == null || !amzDate.startsWith(date)) {
      return new Refusal(
          "IncompleteSignatureException",
          "X-Amz-Date is missing or does not match the credential scope");
    }
    if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
      return new Refusal(
          "InvalidSignatureException",
          "Signature expired: " + amzDate + " is more than 15 minutes from the server's time");
    }
    List<String> names = Arrays.asList(signedHeaders.split(";"));
    if (!names.contains("host") || !names.contains("x-amz-date")) {
      return new Refusal(
          "IncompleteSignatureException", "SignedHeaders must include host and x-amz-date");
    }
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : names) {
      List<String> values = headers.apply(name);
      if (values == null || values.isEmpty()) {
        return new Refusal("InvalidSignatureException", "signed header " + name + " is missing");
      }
      List<String> trimmed = new ArrayList<>();
      values.forEach(v -> trimmed.add(v.strip().replaceAll("\\s+", " ")));
      canonicalHeaders.append(name).append(':').append(String.join(",", trimmed)).append('\n');
    }
    String payloadHash = first(headers.apply("x-amz-content-sha256"));
    if (payloadHash == null
        || payloadHash.startsWith("UNSIGNED")
        || payloadHash.startsWith("STREAMING")) {
      payloadHash = hex(sha256(body == null ? new byte[0] : body));
    } else if (!payloadHash.equals(hex(sha256(body == null ? new byte[0] : body)))) {
      return new Refusal(
          "InvalidSignatureException", "x-amz-content-sha256 does not match the body");
    }
    String canonicalRequest =
        String.join(
            "\n",
            method.toUpperCase(Locale.ROOT),
            canonicalPath(rawPath),
            canonicalQuery(rawQuery),
            canonicalHeaders.toString(),
            signedHeaders,
            payloadHash);
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String stringToSign =
        String.join(
            "\n",
            "AWS4-HMAC-SHA256",
            amzDate,
            scope,
            hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
    byte[] key = hmac(hmac(hmac(hmac(secretKey, date), region), service), "aws4_request");
    byte[] expected =
        HexFormat.of().formatHex(hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return new Refusal(
          "InvalidSignatureException",
          "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
    }
    return null;
  }

  /** Non-S3 services: each segment of the (already encoded) path is encoded once more. */
  static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    String[] segments = rawPath.split("/", -1);
    List<String> out = new ArrayList<>();
    for (String segment : segments) {
      out.add(encode(segment));
    }
    return String.join("/", out);
  }

  static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      pairs.add(new String[] {encode(name), encode(value)});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    List<String> out = new ArrayList<>();
    pairs.forEach(p -> out.add(p[0] + "=" + p[1]));
    return String.join("&", out);
  }

  /** RFC 3986 unreserved characters stay; everything else is %XX (upper case). */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
