package com.dbay.platform.starter.web;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.FieldProblem;
import com.dbay.platform.problem.ProblemTypes;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure into an RFC 9457 problem document with a stable {@code type} from {@link
 * ProblemTypes}. Spring MVC's own exceptions (404 unknown route, 405, 415, 406, bad parameters)
 * keep their status and get our type; validation failures list each field in {@code errors};
 * unreadable bodies are 400 (or 413 when too large); {@link DomainException}s carry their own
 * status and type; anything unexpected is a 500 whose detail reveals nothing.
 *
 * <p>Ordered late, so a service's own {@code @RestControllerAdvice} wins where it declares a
 * handler.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  /**
   * The one place a business refusal becomes HTTP: its kind picks the status, its slug the type;
   * the fields at fault become {@code errors}, extra members are copied as they are.
   */
  @ExceptionHandler(DomainException.class)
  public ResponseEntity<ProblemDetail> domain(DomainException e) {
    HttpStatus status = statusOf(e.kind());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.detail());
    problem.setType(e.type());
    problem.setTitle(e.title() != null ? e.title() : status.getReasonPhrase());
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", e.errors());
    }
    e.properties().forEach(problem::setProperty);
    HttpHeaders headers = null;
    if (status == HttpStatus.UNAUTHORIZED) {
      headers = new HttpHeaders();
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return problem(problem, headers);
  }

  /** The status each kind of business refusal answers with. */
  public static HttpStatus statusOf(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }

  @ExceptionHandler(ConstraintViolationException.class)
  public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
    List<FieldProblem> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(java.util.Comparator.comparing(FieldProblem::field))
            .toList();
    return problem(validation(errors), null);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  public ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    // A unique or foreign key said no: the request conflicts with what is stored. The constraint's
    // name may describe the schema, so it goes to the log and not to the client.
    log.info("conflict from the database: {}", e.getMostSpecificCause().getMessage());
    return problem(
        ProblemWriter.problem(
            HttpStatus.CONFLICT,
            ProblemTypes.CONFLICT,
            "The request conflicts with the current state of the resource."),
        null);
  }

  @ExceptionHandler(ConcurrencyFailureException.class)
  public ResponseEntity<ProblemDetail> concurrency(ConcurrencyFailureException e) {
    log.info("concurrent modification: {}", e.getMessage());
    return problem(
        ProblemWriter.problem(
            HttpStatus.CONFLICT,
            ProblemTypes.CONFLICT,
            "The resource was changed by another request at the same time; retry."),
        null);
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (BodySizeLimitFilter.causedByTooLarge(e)) {
      return problem(tooLarge(e), null);
    }
    if (e instanceof org.springframework.web.ErrorResponse response) {
      // e.g. ResponseStatusException subclasses or security exceptions that know their status
      return problem(
          response.updateAndGetBody(getMessageSource(), java.util.Locale.getDefault()),
          response.getHeaders());
    }
    // Spring Security's exceptions, recognised by name so the platform does not depend on it.
    if (isA(e, "org.springframework.security.access.AccessDeniedException")
        || isA(e, "org.springframework.security.authorization.AuthorizationDeniedException")) {
      return problem(
          ProblemWriter.problem(
              HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "You are not allowed to do this."),
          null);
    }
    if (isA(e, "org.springframework.security.core.AuthenticationException")) {
      return problem(
          ProblemWriter.problem(
              HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Sign in to do this."),
          null);
    }
    var annotated =
        org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(
            e.getClass(), org.springframework.web.bind.annotation.ResponseStatus.class);
    if (annotated != null && annotated.code().value() < 500) {
      return problem(
          ProblemDetail.forStatusAndDetail(
              annotated.code(), annotated.reason().isEmpty() ? e.getMessage() : annotated.reason()),
          null);
    }
    log.error("unexpected failure", e);
    return problem(
        ProblemWriter.problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            ProblemTypes.INTERNAL,
            "Something went wrong on our side. The request may be retried."),
        null);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.add(new FieldProblem(error.getField(), message(error)));
    }
    for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
      errors.add(new FieldProblem(error.getObjectName(), message(error)));
    }
    errors.sort(java.util.Comparator.comparing(FieldProblem::field));
    return handleExceptionInternal(
        ex, validation(errors), headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result -> {
              String name = result.getMethodParameter().getParameterName();
              result
                  .getResolvableErrors()
                  .forEach(
                      error -> {
                        String field = error instanceof FieldError fe ? fe.getField() : name;
                        errors.add(new FieldProblem(field, error.getDefaultMessage()));
                      });
            });
    errors.sort(java.util.Comparator.comparing(FieldProblem::field));
    return handleExceptionInternal(
        ex, validation(errors), headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (BodySizeLimitFilter.causedByTooLarge(ex)) {
      return handleExceptionInternal(
          ex, tooLarge(ex), headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }
    ProblemDetail problem;
    DatabindException binding = find(ex, DatabindException.class);
    if (binding != null && !binding.getPath().isEmpty()) {
      // The JSON was well formed but a field had the wrong type or an unacceptable value.
      String field = jsonPath(binding);
      problem = validation(List.of(new FieldProblem(field, fieldMessage(binding))));
      problem.setDetail("The field '" + field + "' has an invalid value.");
    } else if (find(ex, JacksonException.class) != null || ex.getCause() == null) {
      problem =
          ProblemWriter.problem(
              HttpStatus.BAD_REQUEST,
              ProblemTypes.MALFORMED_REQUEST,
              ex.getCause() == null
                  ? "The request body is missing."
                  : "The request body is not valid JSON.");
    } else {
      problem =
          ProblemWriter.problem(
              HttpStatus.BAD_REQUEST,
              ProblemTypes.MALFORMED_REQUEST,
              "The request body could not be read.");
    }
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      org.springframework.beans.TypeMismatchException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    ProblemDetail problem =
        validation(List.of(new FieldProblem(String.valueOf(name), "has an invalid value")));
    problem.setDetail("The parameter '" + name + "' has an invalid value.");
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** Every problem leaves through here: give Spring's built-in ones a stable type. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    if (body == null) {
      body = ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
    }
    if (body instanceof ProblemDetail problem) {
      stableType(problem);
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  private ResponseEntity<ProblemDetail> problem(ProblemDetail problem, HttpHeaders headers) {
    stableType(problem);
    return ResponseEntity.status(problem.getStatus())
        .headers(headers)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static void stableType(ProblemDetail problem) {
    if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
      problem.setType(typeFor(problem.getStatus()));
    }
    if (problem.getTitle() == null) {
      HttpStatus status = HttpStatus.resolve(problem.getStatus());
      problem.setTitle(status == null ? "Error" : status.getReasonPhrase());
    }
  }

  private static final Map<Integer, URI> TYPES_BY_STATUS =
      Map.ofEntries(
          Map.entry(400, ProblemTypes.MALFORMED_REQUEST),
          Map.entry(401, ProblemTypes.UNAUTHORIZED),
          Map.entry(403, ProblemTypes.FORBIDDEN),
          Map.entry(404, ProblemTypes.NOT_FOUND),
          Map.entry(405, ProblemTypes.METHOD_NOT_ALLOWED),
          Map.entry(406, ProblemTypes.NOT_ACCEPTABLE),
          Map.entry(409, ProblemTypes.CONFLICT),
          Map.entry(413, ProblemTypes.PAYLOAD_TOO_LARGE),
          Map.entry(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE),
          Map.entry(503, ProblemTypes.SERVICE_UNAVAILABLE));

  static URI typeFor(int status) {
    URI type = TYPES_BY_STATUS.get(status);
    if (type != null) {
      return type;
    }
    return status >= 500 ? ProblemTypes.INTERNAL : ProblemTypes.MALFORMED_REQUEST;
  }

  private static ProblemDetail validation(List<FieldProblem> errors) {
    ProblemDetail problem =
        ProblemWriter.problem(
            HttpStatus.BAD_REQUEST,
            ProblemTypes.VALIDATION,
            errors.isEmpty()
                ? "The request is invalid."
                : "The request is invalid: "
                    + errors.stream()
                        .map(e -> e.field() + " " + e.message())
                        .collect(Collectors.joining("; "))
                    + ".");
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return problem;
  }

  /**
   * What is wrong with a field that did not bind. Our own deserializers (amounts) say it in words;
   * a message of Jackson's own names Java types and tokens ({@code JsonToken.START_OBJECT}, {@code
   * java.lang.String}), which mean nothing to a client and describe our code, so it is replaced by
   * the JSON type the field expects.
   */
  static String fieldMessage(DatabindException e) {
    String original = e.getOriginalMessage();
    if (original != null
        && !original.isBlank()
        && !original.matches(
            "(?s).*(`|JsonToken|java\\.|tools\\.jackson|com\\.dbay|Cannot |Unrecognized ).*")) {
      return original;
    }
    Class<?> target =
        e instanceof tools.jackson.databind.exc.MismatchedInputException m
            ? m.getTargetType()
            : null;
    if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
      return "is not a known field";
    }
    if (target == null) {
      return "has an invalid value";
    }
    if (target.isEnum()) {
      return "must be one of "
          + java.util.Arrays.stream(target.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    if (CharSequence.class.isAssignableFrom(target)
        || target == char.class
        || target == Character.class) {
      return "must be a string";
    }
    if (target == boolean.class || target == Boolean.class) {
      return "must be true or false";
    }
    if (target.isPrimitive() || Number.class.isAssignableFrom(target)) {
      return "must be a number";
    }
    if (target.isArray() || java.util.Collection.class.isAssignableFrom(target)) {
      return "must be a list";
    }
    return "must be an object of the expected shape";
  }

  private static ProblemDetail tooLarge(Throwable e) {
    PayloadTooLargeException cause = find(e, PayloadTooLargeException.class);
    return ProblemWriter.problem(
        HttpStatus.CONTENT_TOO_LARGE,
        ProblemTypes.PAYLOAD_TOO_LARGE,
        "The request body is larger than the limit of "
            + (cause == null ? "?" : cause.limit())
            + " bytes.");
  }

  private static String message(
      org.springframework.context.support.DefaultMessageSourceResolvable error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  private static String lastNode(String path) {
    // "placeBid.request.maxBid" (method parameter paths) → "request.maxBid"
    int first = path.indexOf('.');
    return first < 0 ? path : path.substring(first + 1);
  }

  private static String jsonPath(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static boolean isA(Throwable e, String className) {
    for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().equals(className)) {
        return true;
      }
    }
    return false;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
