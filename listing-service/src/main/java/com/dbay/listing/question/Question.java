package com.dbay.listing.question;

import java.time.Instant;
import java.util.UUID;

public record Question(
    UUID id,
    UUID listingId,
    String askerId,
    String askerName,
    String text,
    String answer,
    Instant askedAt,
    Instant answeredAt) {

  public boolean answered() {
    return answer != null;
  }
}
