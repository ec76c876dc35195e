package com.dbay.user.auth.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}
