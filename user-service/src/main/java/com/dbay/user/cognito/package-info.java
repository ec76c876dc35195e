/** Cognito identities mapped to app users (the internal resolve endpoint). */
package com.dbay.user.cognito;
