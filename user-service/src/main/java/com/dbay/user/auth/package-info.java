/** Signing in locally: passwords, RS256 access tokens, rotated refresh tokens and the JWKS. */
package com.dbay.user.auth;
