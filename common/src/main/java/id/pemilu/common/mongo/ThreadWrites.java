package id.pemilu.common.mongo;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Set;

/**
 * Which store writes each thread has sent, and whether its last commit came after the last of them. The driver
 * reports every command on the thread that sends it (the synchronous driver); every command that is not a known read
 * counts as a write, counted when sent, so a write still under way counts. The answer filter uses it to skip a second
 * commit for a request whose handler already committed after its last write ({@code DurableWritesFilter}): each
 * confirmation waited for two group commits (issue 22). Until the listener has seen a command, nothing counts as
 * covered, so a client created without it never skips a commit.
 */
final class ThreadWrites implements CommandListener {

    /** Commands that change nothing; anything else (also an unknown command) counts as a write. */
    private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "listCollections",
            "listIndexes", "listDatabases", "hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo",
            "killCursors", "endSessions", "dbStats", "collStats", "serverStatus", "explain");

    /** [0]: writes this thread sent; [1]: how many of them its last commit covered, or -1. */
    private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[] {0, -1});
    private static volatile boolean listening;

    @Override
    public void commandStarted(CommandStartedEvent event) {
        listening = true;
        if (!READS.contains(event.getCommandName())) {
            COUNTS.get()[0]++;
        }
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
