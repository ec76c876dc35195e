package com.dbay.user.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/user/register}. Roles, ids and status are not part of it: they cannot be
 * chosen.
 */
public record Registration(
    @NotBlank @Email @Size(max = 254) String email,
    @NotBlank @Size(min = 3, max = 30) String username,
    @NotBlank String password,
    @Size(max = 80) String displayName) {}
