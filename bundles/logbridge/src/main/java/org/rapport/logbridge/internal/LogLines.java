package org.rapport.logbridge.internal;

/** Builds the one-line form of a log message: the message and its causes' messages. */
final class LogLines {

    private LogLines() {
    }

    static String oneLine(String message, Throwable error) {
        StringBuilder line = new StringBuilder(message == null ? "" : message);
        Throwable cause = error;
        int depth = 0;
        while (cause != null && depth++ < 5) {
            String text = cause.getMessage();
            line.append(line.length() == 0 ? "" : ": ").append(text == null ? cause.getClass().getSimpleName() : text);
            if (cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        return line.toString().replace('\n', ' ').replace('\r', ' ');
    }
}
