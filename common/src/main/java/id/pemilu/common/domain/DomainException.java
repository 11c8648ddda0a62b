package id.pemilu.common.domain;

import java.util.Map;

/**
 * A rule of the domain refused an action. Aggregates and services throw this (no HTTP in the domain); the web layer
 * ({@code id.pemilu.common.web.ProblemAdvice}) turns it into an RFC 9457 problem whose status follows the
 * {@link Kind}. The message is for the user (Bahasa Indonesia); {@code properties} add machine-readable details
 * (a {@code code}, the failing checks).
 */
public class DomainException extends RuntimeException {

    /** Why the action was refused. */
    public enum Kind {
        /** The thing acted on does not exist (404). */
        NOT_FOUND,
        /** Its current state does not allow the action (409). */
        CONFLICT,
        /** The command itself is wrong: a missing or impossible value (400). */
        INVALID,
        /** The command is well-formed but breaks rules of the domain (the violations in the properties) (422). */
        RULES_FAILED,
        /** The caller's role or scope does not cover it (403). */
        NOT_PERMITTED,
        /** The submitted content is larger than the rules allow (a file, a photo's resolution) (413). */
        TOO_LARGE,
        /** The submitted content is not of a kind the action takes (e.g. not a JPEG/PNG photo) (415). */
        UNSUPPORTED_CONTENT,
        /** The caller has used up its allowance for now; {@code retryAfter} (seconds) in the properties (429). */
        LIMIT_REACHED,
        /** The action cannot be taken right now (busy, a catalogue not loaded yet); it may work later (503). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String title;
    private final Map<String, Object> properties;

    public DomainException(Kind kind, String message) {
        this(kind, null, message, Map.of());
    }

    public DomainException(Kind kind, String title, String message) {
        this(kind, title, message, Map.of());
    }

    public DomainException(Kind kind, String title, String message, Map<String, Object> properties) {
        super(message);
        this.kind = kind;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message);
    }

    public static DomainException invalid(String message) {
        return new DomainException(Kind.INVALID, message);
    }

    public static DomainException notPermitted(String message) {
        return new DomainException(Kind.NOT_PERMITTED, message);
    }

    public Kind kind() {
        return kind;
    }

    /** A title chosen by the domain, or null for the usual one of the kind. */
    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
