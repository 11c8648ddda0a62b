package id.pemilu.common.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps refusals to RFC 9457 problem bodies. Domain value objects throw {@link IllegalArgumentException} from their
 * constructors on bad input; that is the caller's mistake, so it becomes a 400. A 429 whose problem carries
 * {@code retryAfter} (seconds) also gets the {@code Retry-After} header.
 */
@RestControllerAdvice
public class ProblemAdvice {

    public static final String RETRY_AFTER = "retryAfter";

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setTitle(problem.title());
        problem.properties().forEach(body::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status());
        if (problem.properties().get(RETRY_AFTER) instanceof Number seconds) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds.longValue())));
        }
        return response.body(body);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidValue(IllegalArgumentException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setTitle("Permintaan tidak valid");
        return body;
    }
}
