package id.pemilu.common.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.core.JacksonException;

/**
 * A request body the service cannot read is the caller's mistake: 400 with a reason that names the field (unknown
 * field, wrong type, a value object that refused it), never a 500. A broken multipart body is a 400, an oversized one
 * a 413. Services' own advices for these exceptions (ordered before this one) still win.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class RequestBodyProblems {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return badRequest(reason(e));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "Berkas atau isi permintaan terlalu besar.");
        body.setTitle("Permintaan terlalu besar");
        return body;
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail brokenMultipart(MultipartException e) {
        return badRequest("Isi multipart/form-data rusak atau tidak lengkap; kirim ulang berkasnya.");
    }

    static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
                return invalid.getMessage();
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return "Kolom tidak dikenal: '" + unknown.getPropertyName() + "'. Kirim hanya kolom yang ada di "
                        + "dokumentasi API.";
            }
            if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
                String field = field((JacksonException) cause);
                return field.isEmpty() ? "Nilai tidak sesuai jenisnya (mis. angka harus bilangan bulat tanpa tanda kutip)."
                        : "Nilai kolom '" + field + "' tidak sesuai jenisnya (mis. angka harus bilangan bulat tanpa "
                        + "tanda kutip).";
            }
        }
        return "Isi permintaan bukan JSON yang bisa dibaca.";
    }

    private static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ProblemDetail badRequest(String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Permintaan tidak valid");
        return body;
    }
}
