package com.dbay.user.account;

public enum Role {
  USER,
  ADMIN
}
