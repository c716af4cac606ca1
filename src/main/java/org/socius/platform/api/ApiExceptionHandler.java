package org.socius.platform.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.errors.PreconditionRequiredException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a JSON API call into an RFC 9457 problem: a stable {@code code}, a message
 * in the caller's language and, for bad input, one entry per offending field. Nothing reaches the
 * client as a bare 500 page.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
    setMessageSource(messages);
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
    return badRequest("PLT-0400", e.findings());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "PLT-0404");
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ProblemDetail> conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, e.code(), e.args().toArray());
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> lostUpdate(OptimisticLockingFailureException e) {
    return problem(HttpStatus.CONFLICT, "PLT-0410");
  }

  @ExceptionHandler(PreconditionRequiredException.class)
  ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequiredException e) {
    return problem(HttpStatus.PRECONDITION_REQUIRED, "PLT-0428");
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
    return problem(HttpStatus.CONFLICT, "PLT-0411");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return badRequest("PLT-0400", List.of(Finding.of(e.getName(), "PLT-0103", e.getValue())));
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "PLT-0413", e.limit());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "PLT-0403");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected failure of an API call", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "PLT-0500");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Finding> findings = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      findings.add(Finding.of(error.getField(), "PLT-0104", error.getDefaultMessage()));
    }
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(error -> findings.add(Finding.of(null, "PLT-0104", error.getDefaultMessage())));
    return widen(badRequest("PLT-0400", findings));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Finding> findings = new ArrayList<>();
    e.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            findings.add(
                                Finding.of(
                                    result.getMethodParameter().getParameterName(),
                                    "PLT-0104",
                                    error.getDefaultMessage()))));
    return widen(badRequest("PLT-0400", findings));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof PayloadTooLargeException tooLarge) {
      return widen(tooLarge(tooLarge));
    }
    return widen(badRequest("PLT-0400", List.of(ReadableJsonError.describe(e))));
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail detail && detail.getProperties() == null) {
      detail.setProperty("code", "PLT-" + statusCode.value());
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private ResponseEntity<ProblemDetail> badRequest(String code, List<Finding> findings) {
    ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, code);
    Locale locale = LocaleContextHolder.getLocale();
    response
        .getBody()
        .setProperty(
            "errors",
            findings.stream()
                .map(
                    f ->
                        Map.of(
                            "field", f.field() == null ? "" : f.field(),
                            "code", f.code(),
                            "message", text(f.code(), f.args().toArray(), locale)))
                .toList());
    return response;
  }

  private ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, Object... args) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, text(code, args, locale));
    detail.setType(URI.create("/problems/" + code));
    detail.setTitle(status.getReasonPhrase());
    detail.setProperty("code", code);
    return ResponseEntity.status(status).body(detail);
  }

  private String text(String code, Object[] args, Locale locale) {
    return messages.getMessage("error." + code, args, code, locale);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
    return (ResponseEntity) response;
  }
}
