package com.dbay.messaging.block;

import java.time.Instant;

/** {@code blockerId} receives no messages from {@code blockedId} and sends none to them. */
public record Block(String blockerId, String blockedId, Instant createdAt) {}
