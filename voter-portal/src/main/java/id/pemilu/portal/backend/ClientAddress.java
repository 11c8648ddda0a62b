package id.pemilu.portal.backend;

import jakarta.servlet.http.HttpServletRequest;

/** The citizen's address as the gateway reports it (first X-Forwarded-For entry), else the peer's. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        return forwarded == null || forwarded.isBlank() ? request.getRemoteAddr() : forwarded.split(",")[0].strip();
    }
}
