package id.pemilu.common.web;

import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The refusals Spring MVC itself makes before a controller runs (wrong method, content type or Accept, a missing
 * parameter or header, an unknown address) as RFC 9457 problems with a title and detail in Bahasa Indonesia; the
 * framework's own text is English. Status and headers ({@code Allow}, {@code Accept}) stay as Spring sets them.
 * Ordered after {@link RequestBodyProblems}, which keeps its own answers for unreadable and oversized bodies.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class FrameworkProblems extends ResponseEntityExceptionHandler {

    private static final int ECHO_LIMIT = 60;

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
                                                                       HttpHeaders headers, HttpStatusCode status,
                                                                       WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, status, request);
        String detail = detail(ex);
        if (answer != null && detail != null && answer.getBody() instanceof ProblemDetail problem) {
            problem.setTitle(title(status));
            problem.setDetail(detail);
        }
        return answer;
    }

    /** The Indonesian reason for a framework refusal, or null to keep the answer as it is. */
    static @Nullable String detail(Exception ex) {
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            return "Metode " + echo(e.getMethod()) + " tidak didukung untuk alamat ini."
                    + (e.getSupportedHttpMethods() == null || e.getSupportedHttpMethods().isEmpty() ? ""
                    : " Metode yang didukung: " + e.getSupportedHttpMethods().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            MediaType sent = e.getContentType();
            return "Jenis isi " + (sent == null ? "(tidak disebut)" : echo(sent.getType() + "/" + sent.getSubtype()))
                    + " tidak didukung untuk alamat ini." + types(" Jenis isi yang diterima: ",
                    e.getSupportedMediaTypes());
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException e) {
            return "Jawaban tidak tersedia dalam format yang diminta (header Accept)."
                    + types(" Format yang tersedia: ", e.getSupportedMediaTypes());
        }
        if (ex instanceof MissingServletRequestParameterException e) {
            return "Parameter '" + echo(e.getParameterName()) + "' wajib diisi.";
        }
        if (ex instanceof MissingServletRequestPartException e) {
            return "Bagian '" + echo(e.getRequestPartName()) + "' wajib ada dalam isi multipart/form-data.";
        }
        if (ex instanceof MissingRequestHeaderException e) {
            return "Header '" + echo(e.getHeaderName()) + "' wajib dikirim.";
        }
        if (ex instanceof TypeMismatchException e) {
            return "Nilai" + (e.getPropertyName() == null ? "" : " '" + echo(e.getPropertyName()) + "'")
                    + " tidak sesuai jenisnya.";
        }
        if (ex instanceof NoResourceFoundException) {
            return "Alamat ini tidak ada.";
        }
        if (ex instanceof AsyncRequestTimeoutException) {
            return "Waktu tunggu habis; coba lagi.";
        }
        return null;
    }

    static String title(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Permintaan tidak valid";
            case 404 -> "Tidak ditemukan";
            case 405 -> "Metode tidak diizinkan";
            case 406 -> "Format tidak tersedia";
            case 415 -> "Jenis isi tidak didukung";
            case 503 -> "Coba lagi";
            default -> "Permintaan ditolak";
        };
    }

    private static String types(String prefix, java.util.List<MediaType> types) {
        return types == null || types.isEmpty() ? "" : prefix + types.stream().map(MediaType::toString).distinct()
                .limit(8).collect(Collectors.joining(", ")) + ".";
    }

    /** A value the caller sent, shortened (it is echoed back). */
    private static String echo(String text) {
        return text.length() <= ECHO_LIMIT ? text : text.substring(0, ECHO_LIMIT) + "…";
    }
}
