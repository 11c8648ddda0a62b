package id.pemilu.common.web;

import id.pemilu.common.domain.DomainException;
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

    /** A domain rule refused the action: the kind decides the status (the domain knows nothing of HTTP). */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException refusal) {
        HttpStatus status = switch (refusal.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case RULES_FAILED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_PERMITTED -> HttpStatus.FORBIDDEN;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_CONTENT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case LIMIT_REACHED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        String title = refusal.title() != null ? refusal.title() : switch (refusal.kind()) {
            case NOT_FOUND -> "Tidak ditemukan";
            case CONFLICT -> "Konflik";
            case INVALID -> "Permintaan tidak valid";
            case RULES_FAILED -> "Melanggar aturan";
            case NOT_PERMITTED -> "Akses ditolak";
            case TOO_LARGE -> "Terlalu besar";
            case UNSUPPORTED_CONTENT -> "Jenis isi tidak didukung";
            case LIMIT_REACHED -> "Terlalu banyak permintaan";
            case UNAVAILABLE -> "Coba lagi";
        };
        return apiProblem(new ApiProblem(status, title, refusal.getMessage(), refusal.properties()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidValue(IllegalArgumentException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setTitle("Permintaan tidak valid");
        return body;
    }
}
