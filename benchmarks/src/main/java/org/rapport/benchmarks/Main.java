package org.rapport.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Runs one benchmark scenario and prints its RESULT line last; exit status 1 when a correctness
 * check failed, 2 on bad usage. Usage:
 * {@code Main --list | SCENARIO [--scale N] --dist DIR --hello JAR --results DIR --logs DIR [--profile DIR]}.
 */
public final class Main {

    static final List<String> SCENARIOS = List.of("startup", "hotdeploy", "import", "memory", "search", "mail-ingest", "campaign", "chat");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--list")) {
            SCENARIOS.forEach(System.out::println);
            return 0;
        }
        if (args.length == 0 || !SCENARIOS.contains(args[0])) {
            System.err.println("usage: benchmarks/run --list | SCENARIO [--scale N]; scenarios: " + String.join(", ", SCENARIOS));
            return 2;
        }
        String scenario = args[0];
        Integer scale = null;
        Path dist = Path.of("runtime/target/rapport");
        Path hello = Path.of("itests/fixtures/hello/target/org.rapport.itest.hello-0.1.0-SNAPSHOT.jar");
        Path wsecho = Path.of("itests/fixtures/wsecho/target/org.rapport.itest.wsecho-0.1.0-SNAPSHOT.jar");
        Path results = Path.of("benchmarks/results");
        Path logs = Path.of("benchmarks/target/logs");
        Path profiles = null;
        for (Iterator<String> it = Arrays.asList(args).subList(1, args.length).iterator(); it.hasNext();) {
            String option = it.next();
            if (!it.hasNext()) {
                System.err.println("missing value for " + option);
                return 2;
            }
            String value = it.next();
            switch (option) {
                case "--scale" -> scale = Integer.parseInt(value);
                case "--dist" -> dist = Path.of(value);
                case "--hello" -> hello = Path.of(value);
                case "--wsecho" -> wsecho = Path.of(value);
                case "--results" -> results = Path.of(value);
                case "--logs" -> logs = Path.of(value);
                case "--profile" -> profiles = Path.of(value).toAbsolutePath();
                default -> {
                    System.err.println("unknown option " + option);
                    return 2;
                }
            }
        }
        if (scale != null && scale < 1) {
            System.err.println("--scale must be at least 1");
            return 2;
        }
        if (!Files.isExecutable(dist.resolve("bin/rapport"))) {
            System.err.println("no distribution at " + dist.toAbsolutePath() + " (build it first)");
            return 2;
        }
        dist = dist.toAbsolutePath();
        logs = logs.toAbsolutePath();
        Result result = new Result(scenario);
        try {
            switch (scenario) {
                case "startup" -> new StartupScenario(dist, logs, scale == null ? 5 : scale).run(result);
                case "hotdeploy" -> new HotDeployScenario(dist, hello.toAbsolutePath(), logs, scale == null ? 20 : scale).run(result);
                case "import" -> new ImportScenario(dist, logs, scale == null ? 100_000 : scale, profiles).run(result);
                case "memory" -> new MemoryScenario(dist, logs, scale == null ? 100_000 : scale).run(result);
                case "search" -> new SearchScenario(dist, logs, scale == null ? 100_000 : scale).run(result);
                case "mail-ingest" -> new MailIngestScenario(dist, logs, scale == null ? 2_000 : scale, profiles).run(result);
                case "campaign" -> new CampaignScenario(dist, logs, scale == null ? 100_000 : scale, profiles).run(result);
                case "chat" -> new ChatScenario(dist, wsecho.toAbsolutePath(), logs, scale == null ? 200 : scale,
                        scale == null ? 100 : Math.max(1, scale / 2), 30).run(result);
                default -> throw new IllegalStateException(scenario);
            }
        } catch (Exception e) {
            e.printStackTrace(System.out);
            result.fail("the scenario stopped: " + e);
        }
        result.writeJson(results);
        if (!result.ok()) {
            System.out.println(result.failures().size() + " correctness check(s) failed; server logs in " + logs);
        }
        System.out.println(result.line());
        return result.ok() ? 0 : 1;
    }
}
