package com.dbay.user.auth.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code username} may also be the email address. */
record Credentials(
    @NotBlank @Size(max = 254) String username, @NotBlank @Size(max = 200) String password) {}
