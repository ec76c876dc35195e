package com.dbay.user.account;

public enum AccountStatus {
  ACTIVE,
  SUSPENDED
}
