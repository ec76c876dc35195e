/**
 * Whether an account may move money or bid, kept in the service's own store from user-service's
 * events.
 */
package com.dbay.platform.starter.standing;
