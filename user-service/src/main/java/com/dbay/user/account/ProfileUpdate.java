package com.dbay.user.account;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The only fields a user may change on their profile. Anything else in the request body ({@code
 * id}, {@code roles}, {@code email}, {@code status}...) has nowhere to bind, so mass assignment
 * cannot happen. A null field is left as it is; an empty location or avatar clears it.
 */
public record ProfileUpdate(
    @Size(min = 1, max = 80) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String displayName,
    @Size(max = 120) String location,
    @Size(max = 500) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) URL")
        String avatarUrl) {}
