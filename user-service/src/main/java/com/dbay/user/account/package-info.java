/** Accounts: registration, profiles, roles and suspension. */
package com.dbay.user.account;
