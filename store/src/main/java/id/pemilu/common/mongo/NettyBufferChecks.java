package id.pemilu.common.mongo;

/**
 * Turns off Netty's per-access liveness check of buffers for the embedded store's server, unless the operator set it.
 * Netty is used here only by mongo-java-server, whose BSON decoder reads a request byte by byte: with the check on,
 * every byte read first asks whether the buffer is still live (its reference count), 23 % of the store workers' CPU
 * in the benchmark's profile (issue 22). The check finds use-after-release bugs in Netty code under development; the
 * server's decoder releases each buffer after reading it. Bounds checks stay on, so a malformed request still fails
 * cleanly. Netty reads the setting once, when its buffer classes load: this runs before the server starts.
 */
final class NettyBufferChecks {

    static final String ACCESSIBLE = "io.netty.buffer.checkAccessible";

    private NettyBufferChecks() {
    }

    static void offUnlessSet() {
        if (System.getProperty(ACCESSIBLE) == null) {
            System.setProperty(ACCESSIBLE, "false");
        }
    }
}
