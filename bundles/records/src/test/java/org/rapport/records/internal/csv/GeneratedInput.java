package org.rapport.records.internal.csv;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Test inputs that produce long content on the fly instead of holding it in memory. */
final class GeneratedInput {

    private GeneratedInput() {
    }

    /** The bytes of {@code before}, then {@code count} times {@code filler}, then {@code after} (UTF-8). */
    static InputStream bytes(String before, char filler, long count, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                long total = head.length + count + tail.length;
                if (position >= total) {
                    return -1;
                }
                long p = position++;
                if (p < head.length) {
                    return head[(int) p] & 0xFF;
                }
                if (p < head.length + count) {
                    return filler;
                }
                return tail[(int) (p - head.length - count)] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    int c = read();
                    if (c < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n++] = (byte) c;
                }
                return n;
            }
        };
    }

    /** The same as characters. */
    static Reader chars(String before, char filler, long count, String after) {
        return new Reader() {
            private long position;

            @Override
            public int read(char[] buffer, int off, int len) {
                long total = before.length() + count + after.length();
                if (position >= total) {
                    return -1;
                }
                int n = 0;
                while (n < len && position < total) {
                    long p = position++;
                    char c;
                    if (p < before.length()) {
                        c = before.charAt((int) p);
                    } else if (p < before.length() + count) {
                        c = filler;
                    } else {
                        c = after.charAt((int) (p - before.length() - count));
                    }
                    buffer[off + n++] = c;
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
    }
}
