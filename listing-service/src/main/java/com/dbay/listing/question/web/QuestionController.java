package com.dbay.listing.question.web;

import com.dbay.listing.listing.ListingService;
import com.dbay.listing.question.Question;
import com.dbay.listing.question.QuestionService;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class QuestionController {

  record Ask(String text) {}

  record Answer(String answer) {}

  record Items(List<QuestionView> items) {}

  private final QuestionService questions;
  private final ListingService listings;

  QuestionController(QuestionService questions, ListingService listings) {
    this.questions = questions;
    this.listings = listings;
  }

  @PostMapping("/api/v1/listing/listings/{id}/questions")
  @ResponseStatus(HttpStatus.CREATED)
  QuestionView ask(@PathVariable UUID id, @RequestBody Ask body, @CurrentUser Identity asker) {
    return view(questions.ask(id, asker, body.text()));
  }

  @GetMapping("/api/v1/listing/listings/{id}/questions")
  Items list(@PathVariable UUID id, @CurrentUser(required = false) Identity viewer) {
    var listing = listings.visibleTo(id, viewer == null ? "" : viewer.userId());
    return new Items(questions.of(listing, viewer).stream().map(QuestionController::view).toList());
  }

  @PostMapping("/api/v1/listing/questions/{questionId}/answer")
  QuestionView answer(
      @PathVariable UUID questionId, @RequestBody Answer body, @CurrentUser Identity seller) {
    return view(questions.answer(questionId, seller, body.answer()));
  }

  private static QuestionView view(Question q) {
    return QuestionView.of(q);
  }
}
