package id.pemilu.common.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the RabbitMQ broker on this machine (rabbitmqctl stop_app / start_app), for tests that show no
 * event is lost or applied twice across a broker restart. {@code .ci/run} installs and starts RabbitMQ.
 */
public final class LocalRabbitMq {

    private LocalRabbitMq() {
    }

    public static void stop() {
        run("rabbitmqctl", "stop_app");
        waitFor(false, Duration.ofSeconds(30));
    }

    public static void start() {
        run("rabbitmqctl", "start_app");
        waitFor(true, Duration.ofSeconds(60));
    }

    public static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitFor(boolean up, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answers() != up) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("RabbitMQ did not " + (up ? "start" : "stop") + " in " + timeout);
            }
            sleep(200);
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command)
                    + " (is rabbitmq-server installed? .ci/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
