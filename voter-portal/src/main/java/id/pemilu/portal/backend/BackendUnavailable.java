package id.pemilu.portal.backend;

/** A service behind the portal did not answer; the page says so instead of showing stale or partial numbers. */
public class BackendUnavailable extends RuntimeException {

    private final String service;

    public BackendUnavailable(String service, Throwable cause) {
        super(service + " tidak menjawab", cause);
        this.service = service;
    }

    /** The service that did not answer (recap-service, party-registry, ...). */
    public String service() {
        return service;
    }
}
