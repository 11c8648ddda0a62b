package id.pemilu.common.events;

/** Names of the exchanges shared by every service. */
public final class EventExchanges {

    /** Topic exchange for all domain events; routing key = event name. */
    public static final String DOMAIN_EVENTS = "pemilu.events";

    /** Receives messages no queue is bound for, so that nothing published is dropped. */
    public static final String UNROUTED = "pemilu.events.unrouted";

    /** Dead-letter exchange; routing key = name of the queue the message died in. */
    public static final String DEAD_LETTERS = "pemilu.events.dlx";

    private EventExchanges() {
    }
}
