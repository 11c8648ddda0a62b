package id.pemilu.common.mongo;

/**
 * Whether the store can take writes now: its data folder's disk has room and its file can be written. Changing
 * requests are refused while it cannot (503 with {@code Retry-After}), reads go on, and writes are accepted again as
 * soon as the disk has room again; nothing acknowledged before is touched.
 */
public interface StoreSpace {

    /** A store kept in memory, or a real MongoDB: always writable as far as this service can tell. */
    StoreSpace ALWAYS = () -> null;

    /** Null while the store can take writes; otherwise why not, for the user (Bahasa Indonesia). */
    String refusal();
}
