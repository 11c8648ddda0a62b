package id.pemilu.partyregistry;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Bahasa Indonesia problem body for an oversized member list. Unreadable JSON (unknown field, wrong type, a value
 * object that refused a field) is answered by common's RequestBodyProblems, which names the field.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestProblems {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "Berkas terlalu besar. Pecah daftar anggota menjadi beberapa berkas.");
        body.setTitle("Berkas terlalu besar");
        return body;
    }
}
