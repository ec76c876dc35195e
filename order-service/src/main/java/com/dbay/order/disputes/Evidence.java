package com.dbay.order.disputes;

import java.time.Instant;

/** One piece of evidence: a text, or an image kept in the object store under {@code objectKey}. */
public record Evidence(
    String id,
    String disputeId,
    String authorId,
    String authorRole,
    String kind,
    String text,
    String objectKey,
    String contentType,
    Long sizeBytes,
    String sha256,
    Instant createdAt) {}
