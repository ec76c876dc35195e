package com.dbay.platform.identity;

/**
 * The deny-list contract between the part that revokes access (user-service, from its own events)
 * and the parts that enforce it on every request (the gateway; the Lambda authorizer could read the
 * same keys in ElastiCache). Both are plain Redis string keys that expire with the longest-lived
 * access token they can affect, so the list never grows beyond the tokens still in circulation.
 *
 * <ul>
 *   <li>{@link #userKey(String)}: epoch second; every access token of that user issued at or before
 *       it is refused (suspension). A later token (after reinstatement and a new login) passes, so
 *       nothing has to be deleted to reinstate.
 *   <li>{@link #sessionKey(String)}: present means every access token carrying that {@code sid}
 *       (one login, one refresh-token family) is refused (logout); other logins of the same user
 *       are not touched.
 * </ul>
 */
public final class Revocations {

  /** The access token claim naming the login (refresh-token family) it belongs to. */
  public static final String SESSION_CLAIM = "sid";

  private Revocations() {}

  public static String userKey(String userId) {
    return "dbay:revoked:user:" + userId;
  }

  public static String sessionKey(String sessionId) {
    return "dbay:revoked:session:" + sessionId;
  }

  /**
   * Whether a token issued at {@code issuedAtEpochSecond} is refused by a user entry of {@code
   * revokedAt}.
   */
  public static boolean revokedBy(String revokedAt, long issuedAtEpochSecond) {
    if (revokedAt == null) {
      return false;
    }
    try {
      return issuedAtEpochSecond <= Long.parseLong(revokedAt.trim());
    } catch (NumberFormatException e) {
      // A value that is not ours: refuse rather than guess.
      return true;
    }
  }
}
