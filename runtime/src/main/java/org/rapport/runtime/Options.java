package org.rapport.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The launcher's command line: {@code --demo}, {@code --port N}, {@code --data DIR}, each with its
 * environment equivalent ({@code RAPPORT_DEMO=1}, {@code RAPPORT_HTTP_PORT}, {@code RAPPORT_DATA}).
 * A command-line option wins over the environment.
 */
public record Options(boolean demo, int port, Path dataDir, boolean help) {

    public static final int DEFAULT_PORT = 8080;

    /** Thrown for a command line or environment value that cannot be used; its message is for the user. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static Options parse(List<String> args, Map<String, String> env) throws UsageException {
        boolean demo = truthy(env.get("RAPPORT_DEMO"));
        int port = env.containsKey("RAPPORT_HTTP_PORT") ? port(env.get("RAPPORT_HTTP_PORT"), "RAPPORT_HTTP_PORT") : DEFAULT_PORT;
        String data = env.getOrDefault("RAPPORT_DATA", "data");
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--demo" -> demo = true;
                case "--port" -> port = port(value(args, ++i, arg), "--port");
                case "--data" -> data = value(args, ++i, arg);
                case "-h", "--help" -> help = true;
                default -> {
                    if (arg.startsWith("--port=")) {
                        port = port(arg.substring(7), "--port");
                    } else if (arg.startsWith("--data=")) {
                        data = arg.substring(7);
                    } else {
                        throw new UsageException("unknown option '" + arg + "' (try --help)");
                    }
                }
            }
        }
        if (data.isBlank()) {
            throw new UsageException("the data directory must not be empty");
        }
        return new Options(demo, port, Path.of(data).toAbsolutePath().normalize(), help);
    }

    private static String value(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int port(String text, String source) throws UsageException {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(source + " must be a port number from 0 to 65535, not '" + text + "'");
        }
    }

    private static boolean truthy(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    public static String usage() {
        return """
                Usage: rapport [--demo] [--port N] [--data DIR]

                  --demo       load demo data (Chinese and English)         env RAPPORT_DEMO=1
                  --port N     HTTP port for console, REST, chat (8080)     env RAPPORT_HTTP_PORT
                  --data DIR   data directory: database, index, logs,       env RAPPORT_DATA
                               deploy/ (hot deploy), config/ (overrides)    (default ./data)
                """;
    }
}
