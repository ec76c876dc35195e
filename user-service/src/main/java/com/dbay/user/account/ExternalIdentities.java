package com.dbay.user.account;

import com.dbay.platform.identity.Identity;

/**
 * The local account of an identity proven by an outside identity provider (a Cognito {@code sub}
 * without a local user id), created the first time it shows up. Implemented by {@code cognito}, so
 * that accounts do not depend on it.
 */
public interface ExternalIdentities {

  User resolve(Identity identity);
}
