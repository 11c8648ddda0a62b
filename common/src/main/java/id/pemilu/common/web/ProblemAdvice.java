package id.pemilu.common.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps refusals to RFC 9457 problem bodies. Domain value objects throw {@link IllegalArgumentException} from their
 * constructors on bad input; that is the caller's mistake, so it becomes a 400.
 */
@RestControllerAdvice
public class ProblemAdvice {

    @ExceptionHandler(ApiProblem.class)
    ProblemDetail apiProblem(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setTitle(problem.title());
        problem.properties().forEach(body::setProperty);
        return body;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidValue(IllegalArgumentException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setTitle("Permintaan tidak valid");
        return body;
    }
}
