package com.dbay.platform.starter.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.dbay.platform.money.Doge;
import com.dbay.platform.money.MinAmount;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.ProblemTypes;
import com.dbay.platform.starter.correlation.CorrelationIdFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every way a client can get a request wrong ends in a problem document with a stable type, never a
 * 500.
 */
@SpringBootTest(
    classes = ProblemHandlingTest.App.class,
    properties = {"dbay.web.max-body-size=2KB", "logging.structured.format.console="})
@AutoConfigureMockMvc
class ProblemHandlingTest {

  @Autowired MockMvc mvc;

  @Test
  void anUnknownRouteIsANotFoundProblem() throws Exception {
    mvc.perform(get("/nowhere"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(ProblemTypes.NOT_FOUND.toString()))
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void malformedJsonIsABadRequestProblem() throws Exception {
    mvc.perform(
            post("/bids").contentType(MediaType.APPLICATION_JSON).content("{\"maxBid\": \"1\","))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value(ProblemTypes.MALFORMED_REQUEST.toString()))
        .andExpect(jsonPath("$.detail").value("The request body is not valid JSON."));
  }

  @Test
  void aFieldOfTheWrongJsonTypeSaysWhatItExpectsWithoutJavaTypeNames() throws Exception {
    String body =
        mvc.perform(
                post("/bids")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"listingId\": {\"a\": 1}, \"maxBid\": \"1\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value(ProblemTypes.VALIDATION.toString()))
            .andExpect(jsonPath("$.errors[0].field").value("listingId"))
            .andExpect(jsonPath("$.errors[0].message").value("must be a string"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    org.assertj.core.api.Assertions.assertThat(body)
        .doesNotContain("JsonToken")
        .doesNotContain("java.")
        .doesNotContain("`");
  }

  @Test
  void anAmountOfTheWrongFormKeepsItsOwnMessage() throws Exception {
    mvc.perform(
            post("/bids")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"listingId\": \"L1\", \"maxBid\": 1.5}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("maxBid"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("amount must be a JSON string with up to 8 decimal places, like \"12.5\""));
  }

  @Test
  void aDomainExceptionsKindIsItsStatusAndItsFieldsAreTheErrorsList() throws Exception {
    mvc.perform(
            post("/auctions/invalid/bids")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"listingId\":\"L1\",\"maxBid\":\"2\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://dbay.dev/problems/bid-too-low"))
        .andExpect(jsonPath("$.title").value("Bad Request"))
        .andExpect(jsonPath("$.errors[0].field").value("maxBid"))
        .andExpect(jsonPath("$.errors[0].message").value("must be at least 3.00000000"));
    mvc.perform(
            post("/auctions/unauthenticated/bids")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"listingId\":\"L1\",\"maxBid\":\"2\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer"))
        .andExpect(jsonPath("$.type").value("https://dbay.dev/problems/unauthenticated"));
  }

  @Test
  void aMissingBodyIsABadRequestProblem() throws Exception {
    mvc.perform(post("/bids").contentType(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value(ProblemTypes.MALFORMED_REQUEST.toString()));
  }

  @Test
  void invalidFieldsAreListedOneByOne() throws Exception {
    mvc.perform(
            post("/bids")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"listingId\":\"\",\"maxBid\":\"0.001\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(ProblemTypes.VALIDATION.toString()))
        .andExpect(jsonPath("$.errors", hasSize(2)))
        .andExpect(jsonPath("$.errors[0].field").value("listingId"))
        .andExpect(jsonPath("$.errors[1].field").value("maxBid"))
        .andExpect(jsonPath("$.errors[1].message").value("must be at least 0.01 DOGE"))
        .andExpect(jsonPath("$.detail", containsString("maxBid must be at least 0.01 DOGE")));
  }

  @Test
  void aBadAmountNamesItsFieldInsteadOfFailingTheWholeBody() throws Exception {
    mvc.perform(
            post("/bids")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"listingId\":\"L1\",\"maxBid\":\"1.123456789\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value(ProblemTypes.VALIDATION.toString()))
        .andExpect(jsonPath("$.errors[0].field").value("maxBid"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("amount has more than 8 decimal places (1 koinu = 0.00000001 DOGE)"));
  }

  @Test
  void anAmountSentAsAJsonNumberIsRefused() throws Exception {
    mvc.perform(
            post("/bids")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"listingId\":\"L1\",\"maxBid\":12.5}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("maxBid"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("amount must be a JSON string with up to 8 decimal places, like \"12.5\""));
  }

  @Test
  void aValidRequestEchoesAmountsWithEightPlaces() throws Exception {
    mvc.perform(
            post("/bids")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"listingId\":\"L1\",\"maxBid\":\"12.5\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.maxBid").value("12.50000000"));
  }

  @Test
  void aWrongContentTypeIsUnsupportedMediaType() throws Exception {
    mvc.perform(post("/bids").contentType(MediaType.TEXT_PLAIN).content("hello"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.type").value(ProblemTypes.UNSUPPORTED_MEDIA_TYPE.toString()));
  }

  @Test
  void aWrongMethodIsMethodNotAllowed() throws Exception {
    mvc.perform(delete("/bids"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(header().exists("Allow"))
        .andExpect(jsonPath("$.type").value(ProblemTypes.METHOD_NOT_ALLOWED.toString()));
  }

  @Test
  void anOversizedBodyIsRefusedBeforeTheHandler() throws Exception {
    String big = "{\"listingId\":\"" + "x".repeat(4096) + "\",\"maxBid\":\"1\"}";
    mvc.perform(post("/bids").contentType(MediaType.APPLICATION_JSON).content(big))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(ProblemTypes.PAYLOAD_TOO_LARGE.toString()))
        .andExpect(jsonPath("$.detail", containsString("2048 bytes")));
  }

  @Test
  void aDomainExceptionKeepsItsStatusTypeAndExtraMembers() throws Exception {
    mvc.perform(
            post("/auctions/closed/bids")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"listingId\":\"L1\",\"maxBid\":\"2\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://dbay.dev/problems/auction-closed"))
        .andExpect(jsonPath("$.title").value("Auction closed"))
        .andExpect(jsonPath("$.detail").value("The auction has ended."))
        .andExpect(jsonPath("$.minNextBid").value("3.00000000"));
  }

  @Test
  void aBadQueryParameterIsAValidationProblem() throws Exception {
    mvc.perform(get("/listings").param("limit", "many"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value(ProblemTypes.VALIDATION.toString()))
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
  }

  @Test
  void aParameterConstraintViolationIsAValidationProblem() throws Exception {
    mvc.perform(get("/listings").param("q", "x".repeat(200)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value(ProblemTypes.VALIDATION.toString()))
        .andExpect(jsonPath("$.errors[0].field").value("q"));
  }

  @Test
  void anUnexpectedFailureIsAnOpaqueInternalProblem() throws Exception {
    mvc.perform(get("/boom"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.type").value(ProblemTypes.INTERNAL.toString()))
        .andExpect(jsonPath("$.detail", containsString("on our side")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("secret"))));
  }

  @Test
  void aSecurityRefusalIsForbiddenNotAServerError() throws Exception {
    mvc.perform(get("/denied"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value(ProblemTypes.FORBIDDEN.toString()));
  }

  @Test
  void theCorrelationIdIsEchoedOrCreated() throws Exception {
    mvc.perform(get("/listings").header(CorrelationIdFilter.HEADER, "abc-123"))
        .andExpect(header().string(CorrelationIdFilter.HEADER, "abc-123"));
    mvc.perform(get("/listings"))
        .andExpect(header().string(CorrelationIdFilter.HEADER, matchesPattern("[0-9a-f-]{36}")));
    mvc.perform(get("/listings").header(CorrelationIdFilter.HEADER, "bad id\nforged"))
        .andExpect(header().string(CorrelationIdFilter.HEADER, matchesPattern("[0-9a-f-]{36}")));
  }

  @Test
  void theCorrelationIdIsInTheMdcWhileTheRequestRuns() throws Exception {
    mvc.perform(get("/correlation").header(CorrelationIdFilter.HEADER, "trace-me"))
        .andExpect(jsonPath("$.mdc").value("trace-me"));
  }

  record PlaceBid(@NotBlank String listingId, @NotNull @MinAmount("0.01") Doge maxBid) {}

  @RestController
  @Validated
  static class ProbeController {

    @PostMapping("/bids")
    PlaceBid place(@Valid @RequestBody PlaceBid bid) {
      return bid;
    }

    @PostMapping("/auctions/{id}/bids")
    PlaceBid closed(@PathVariable String id, @Valid @RequestBody PlaceBid bid) {
      if (id.equals("invalid")) {
        throw DomainException.invalid("bid-too-low", "maxBid", "must be at least 3.00000000");
      }
      if (id.equals("unauthenticated")) {
        throw DomainException.unauthenticated("Sign in to bid.");
      }
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "auction-closed",
          "Auction closed",
          "The auction has ended.",
          List.of(),
          Map.of("minNextBid", Doge.ofDoge(3)));
    }

    @GetMapping("/listings")
    Map<String, Object> listings(
        @RequestParam(defaultValue = "10") int limit,
        @RequestParam(defaultValue = "") @Size(max = 100) String q) {
      return Map.of("limit", limit);
    }

    @GetMapping("/denied")
    String denied() {
      throw new org.springframework.security.access.AccessDeniedException("no");
    }

    @GetMapping("/boom")
    String boom() {
      throw new IllegalStateException("secret internals");
    }

    @GetMapping("/correlation")
    Map<String, String> correlation() {
      return Map.of("mdc", org.slf4j.MDC.get(CorrelationIdFilter.MDC_KEY));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration(
      excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"
      })
  @Import(ProbeController.class)
  static class App {}
}
