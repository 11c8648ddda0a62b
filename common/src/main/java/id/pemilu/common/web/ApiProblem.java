package id.pemilu.common.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with a reason a person can act on (Bahasa Indonesia, for the user) and an
 * optional machine-readable {@code code}. Rendered as an RFC 9457 problem body; nothing was changed.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public ApiProblem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Permintaan tidak valid", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Tidak ditemukan", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Akses ditolak", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Konflik", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
