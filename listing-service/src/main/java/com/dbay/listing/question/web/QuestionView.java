package com.dbay.listing.question.web;

import com.dbay.listing.question.Question;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionView(
    String id, String askerName, String text, String answer, Instant askedAt, Instant answeredAt) {

  public static QuestionView of(Question q) {
    return new QuestionView(
        q.id().toString(), q.askerName(), q.text(), q.answer(), q.askedAt(), q.answeredAt());
  }
}
