package id.pemilu.common.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a store file unwritable and writable again, as a read-only remount or a locked volume would: for root (who
 * ignores permissions) the immutable attribute ({@code chattr +i}, ext4 and most Linux file systems: even a file
 * already open for writing refuses further writes), for other users read-only permissions.
 */
public final class DiskFaults {

    private DiskFaults() {
    }

    public static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    public static void lock(Path file) throws Exception {
        if (root()) {
            run("chattr", "+i", file.toString());
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        }
    }

    public static void unlock(Path file) throws Exception {
        if (root()) {
            run("chattr", "-i", file.toString());
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
