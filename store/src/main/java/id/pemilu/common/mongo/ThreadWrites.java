package id.pemilu.common.mongo;

import com.mongodb.event.ConnectionCheckedOutEvent;
import com.mongodb.event.ConnectionPoolListener;

/**
 * Which store operations each thread has started, and whether its last commit came after the last of them. The
 * synchronous driver checks a connection out of its pool on the thread that runs the operation, so counting check-outs
 * counts every operation of the thread (reads too: a read after a commit makes the answer filter commit once more,
 * never less). The answer filter uses it to skip a second commit for a request whose handler already committed after
 * its last write ({@code DurableWritesFilter}): each confirmation waited for two group commits (issue 22). Until the
 * listener has seen a check-out, nothing counts as covered, so a client created without it never skips a commit.
 * <p>
 * A pool listener, not a command listener: with any command listener registered, the driver decodes every command it
 * sends into a document for the event (a confirmation's whole inserted result), 2 % of the service's CPU in the
 * confirmation benchmark.
 */
final class ThreadWrites implements ConnectionPoolListener {

    /** [0]: operations this thread started; [1]: how many of them its last commit covered, or -1. */
    private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[] {0, -1});
    private static volatile boolean listening;

    @Override
    public void connectionCheckedOut(ConnectionCheckedOutEvent event) {
        if (!listening) {
            listening = true;
        }
        COUNTS.get()[0]++;
    }

    /** The writes this thread has sent so far. */
    static long sent() {
        return COUNTS.get()[0];
    }

    /** This thread's commit, asked for when it had sent {@code sent} writes, is done. */
    static void committed(long sent) {
        COUNTS.get()[1] = sent;
    }

    /** Forgets this thread's last commit (a new request starts). */
    static void forgetCommit() {
        COUNTS.get()[1] = -1;
    }

    /** Whether this thread committed, since {@link #forgetCommit}, after every write it sent. */
    static boolean covered() {
        long[] counts = COUNTS.get();
        return listening && counts[1] >= 0 && counts[1] == counts[0];
    }
}
