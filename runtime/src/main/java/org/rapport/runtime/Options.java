package org.rapport.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The launcher's command line: {@code --demo}, {@code --port N}, {@code --data DIR},
 * {@code --public-url URL}, each with its environment equivalent ({@code RAPPORT_DEMO=1},
 * {@code RAPPORT_HTTP_PORT}, {@code RAPPORT_DATA}, {@code RAPPORT_PUBLIC_URL}). A command-line
 * option wins over the environment.
 *
 * @param publicUrl the address clients reach this server at (links in mail, chat and SMS), without
 *        a trailing slash; {@code null} means {@code http://localhost:<port>}
 */
public record Options(boolean demo, int port, Path dataDir, boolean help, String publicUrl) {

    public Options(boolean demo, int port, Path dataDir, boolean help) {
        this(demo, port, dataDir, help, null);
    }

    /** The public address: {@link #publicUrl()} or {@code http://localhost:<port>}. */
    public String effectivePublicUrl() {
        return publicUrl != null ? publicUrl : "http://localhost:" + port;
    }

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
        String publicUrl = env.get("RAPPORT_PUBLIC_URL");
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--demo" -> demo = true;
                case "--port" -> port = port(value(args, ++i, arg), "--port");
                case "--data" -> data = value(args, ++i, arg);
                case "--public-url" -> publicUrl = value(args, ++i, arg);
                case "-h", "--help" -> help = true;
                default -> {
                    if (arg.startsWith("--port=")) {
                        port = port(arg.substring(7), "--port");
                    } else if (arg.startsWith("--data=")) {
                        data = arg.substring(7);
                    } else if (arg.startsWith("--public-url=")) {
                        publicUrl = arg.substring(13);
                    } else {
                        throw new UsageException("unknown option '" + arg + "' (try --help)");
                    }
                }
            }
        }
        if (data.isBlank()) {
            throw new UsageException("the data directory must not be empty");
        }
        return new Options(demo, port, Path.of(data).toAbsolutePath().normalize(), help, publicUrl(publicUrl));
    }

    private static String publicUrl(String text) throws UsageException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String url = text.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            java.net.URI uri = new java.net.URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new java.net.URISyntaxException(url, "not an http(s) address");
            }
        } catch (java.net.URISyntaxException e) {
            throw new UsageException("the public URL must be an http or https address like https://care.example.com, not '" + text + "'");
        }
        return url;
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
                Usage: rapport [--demo] [--port N] [--data DIR] [--public-url URL]

                  --demo       load demo data (Chinese and English)         env RAPPORT_DEMO=1
                  --port N     HTTP port for console, REST, chat (8080)     env RAPPORT_HTTP_PORT
                  --data DIR   data directory: database, index, logs,       env RAPPORT_DATA
                               deploy/ (hot deploy), config/ (overrides)    (default ./data)
                  --public-url URL  the address clients reach the server at,  env RAPPORT_PUBLIC_URL
                               used for links in mail, chat and SMS         (default http://localhost:PORT)
                """;
    }
}
