package id.pemilu.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * The answers the gateway makes itself when something fails before or instead of a service (wrong method, content
 * type or Accept, an unknown address, a service that does not answer) as RFC 9457 problems in Bahasa Indonesia, like
 * the services' {@code FrameworkProblems}; Spring's default error body is English and not a problem. A service that
 * cannot be reached is a 503 with {@code Retry-After} (it is usually restarting), never a 500. Headers the framework
 * sets ({@code Allow}, {@code Accept}) stay. Runs before Spring Boot's own handler (order -1).
 */
@Component
@Order(-2)
class GatewayErrorProblems implements ErrorWebExceptionHandler {

    private static final Log LOG = LogFactory.getLog(GatewayErrorProblems.class);
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status;
        if (error instanceof ResponseStatusException e) {
            status = e.getStatusCode();
            response.getHeaders().putAll(e.getHeaders());
        } else if (unreachable(error)) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            LOG.error("Unexpected error on " + exchange.getRequest().getMethod() + " "
                    + exchange.getRequest().getPath().value(), error);
        }
        if (status.value() == 503 || status.value() == 504) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return Problems.write(exchange, known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known, title(status),
                detail(error, status));
    }

    /** A service down or restarting: the connection is refused or times out. */
    private static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof TimeoutException
                    || t.getClass().getName().startsWith("io.netty.channel.ConnectTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    static String title(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Permintaan tidak valid";
            case 404 -> "Tidak ditemukan";
            case 405 -> "Metode tidak diizinkan";
            case 406 -> "Format tidak tersedia";
            case 413 -> "Isi terlalu besar";
            case 415 -> "Jenis isi tidak didukung";
            case 502, 503, 504 -> "Layanan tidak tersedia";
            default -> status.is5xxServerError() ? "Kesalahan server" : "Permintaan ditolak";
        };
    }

    /** Fixed Indonesian texts: nothing the caller sent is echoed, no internal address or class name is shown. */
    static String detail(Throwable error, HttpStatusCode status) {
        if (error instanceof MethodNotAllowedException e) {
            return "Metode " + e.getHttpMethod() + " tidak didukung untuk alamat ini."
                    + (e.getSupportedMethods().isEmpty() ? "" : " Metode yang didukung: "
                    + String.join(", ", e.getSupportedMethods().stream().map(Object::toString).sorted().toList()) + ".");
        }
        if (error instanceof UnsupportedMediaTypeStatusException e) {
            return "Jenis isi " + (e.getContentType() == null ? "(tidak disebut)" : e.getContentType().getType() + "/"
                    + e.getContentType().getSubtype()) + " tidak didukung untuk alamat ini.";
        }
        if (error instanceof NotAcceptableStatusException) {
            return "Jawaban tidak tersedia dalam format yang diminta (header Accept).";
        }
        return switch (status.value()) {
            case 400 -> "Permintaan tidak dapat dibaca.";
            case 404 -> "Alamat ini tidak ada.";
            case 413 -> "Isi permintaan melebihi batas ukuran.";
            case 502, 503 -> "Layanan sedang tidak dapat dihubungi (mungkin sedang dimulai ulang). Coba lagi sebentar "
                    + "lagi.";
            case 504 -> "Layanan tidak menjawab tepat waktu. Coba lagi sebentar lagi.";
            default -> status.is5xxServerError() ? "Terjadi kesalahan pada gateway. Coba lagi nanti."
                    : "Permintaan ditolak.";
        };
    }
}
