package org.rapport.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * {@code bin/rapport}: checks the options and the port, boots the framework with the
 * distribution's bundles, prints where the console is once {@code /health} answers, and shuts
 * down cleanly on SIGTERM / Ctrl-C.
 */
public final class Main {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private Main() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Options options;
        try {
            options = Options.parse(Arrays.asList(args), System.getenv());
        } catch (Options.UsageException e) {
            fail(e.getMessage(), 2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.usage());
            return;
        }
        String home = System.getProperty("rapport.home");
        if (home == null) {
            fail("rapport.home is not set; start Rapport with bin/rapport", 2);
            return;
        }
        String portProblem = PortCheck.problem(options.port());
        if (portProblem != null) {
            fail(portProblem, 1);
            return;
        }
        Distribution distribution = new Distribution(Path.of(home));
        try {
            Distribution.prepareDataDir(options.dataDir());
        } catch (IOException e) {
            fail("cannot use the data directory " + options.dataDir() + ": " + e.getMessage(), 1);
            return;
        }
        // logback reads these as system properties when the first logger is made
        System.setProperty("logback.configurationFile", distribution.logbackConfig().toString());
        System.setProperty("rapport.data", options.dataDir().toString());
        System.setProperty("slf4j.internal.verbosity", "WARN");
        // libraries that log through java.util.logging (SPI Fly): warnings and errors only
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);

        Launcher launcher = new Launcher(distribution, options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(launcher), "rapport-shutdown"));
        try {
            launcher.start();
        } catch (Exception e) {
            fail("the server did not start: " + e.getMessage(), 1);
            return;
        }
        if (options.port() != 0) {
            announceWhenReady(options, started);
        }
    }

    private static void announceWhenReady(Options options, long started) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + options.port() + "/health");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    System.out.printf("%nRapport is up in %d ms%s.%n  Console: http://localhost:%d/%n  Health:  http://localhost:%d/health%n  Data:    %s%n%n",
                            millis, options.demo() ? " (demo mode)" : "", options.port(), options.port(), options.dataDir());
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(100);
        }
        System.err.println("rapport: the server is running but /health is not UP after " + READY_TIMEOUT.toSeconds() + " s: " + last);
    }

    private static void stop(Launcher launcher) {
        try {
            if (!launcher.stop(10_000)) {
                System.err.println("rapport: the framework did not stop within 10 s");
            }
        } catch (Exception e) {
            System.err.println("rapport: error while stopping: " + e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(String message, int status) {
        System.err.println("rapport: " + message);
        System.exit(status);
    }
}
