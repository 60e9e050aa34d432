package org.rapport.records.internal.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Picks the charset of an uploaded CSV and opens it as characters: the caller's explicit
 * charset, else a BOM (UTF-8, UTF-16, UTF-32), else UTF-8 when the first 64 KiB are valid
 * UTF-8, else GB18030 (the superset of GBK and GB2312 that Chinese Excel writes).
 *
 * <p>Decoding never fails: bytes that are not valid in the chosen charset become U+FFFD, which
 * {@link RowValidator} reports as unreadable characters. A leading BOM is decoded as U+FEFF and
 * skipped by {@link CsvReader}.
 */
public final class CsvCharset {

    /** How many leading bytes are examined for detection. */
    public static final int SNIFF_BYTES = 64 * 1024;

    /** The charset used when the input is neither marked by a BOM nor valid UTF-8. */
    public static final Charset FALLBACK = Charset.forName("GB18030");

    /** Why a charset was chosen. */
    public enum Source {
        EXPLICIT, BOM, VALID_UTF8, FALLBACK
    }

    /** The result of detection. */
    public record Detection(Charset charset, Source source) {
    }

    /** Characters of a byte stream, with the charset they were decoded with. */
    public record DecodedInput(Reader reader, Detection detection) {
        public Charset charset() {
            return detection.charset();
        }
    }

    private CsvCharset() {
    }

    /**
     * Detects the charset of the first bytes of a file. A head of {@link #SNIFF_BYTES} or more
     * is taken as cut from a longer file, so an incomplete UTF-8 sequence at its very end is not
     * held against UTF-8; a shorter head is taken as the whole file.
     */
    public static Charset detect(byte[] head) {
        return detect(head, head.length, head.length < SNIFF_BYTES).charset();
    }

    /**
     * @param head the first bytes of the input
     * @param length how many bytes of {@code head} are valid
     * @param complete true when {@code head} holds the whole input
     */
    public static Detection detect(byte[] head, int length, boolean complete) {
        Charset bom = byBom(head, length);
        if (bom != null) {
            return new Detection(bom, Source.BOM);
        }
        if (isUtf8(head, length, complete)) {
            return new Detection(StandardCharsets.UTF_8, Source.VALID_UTF8);
        }
        return new Detection(FALLBACK, Source.FALLBACK);
    }

    /**
     * The charset called {@code name} (e.g. "GBK", "utf-8", "Big5").
     *
     * @throws IllegalArgumentException when the name is unknown to this JVM
     */
    public static Charset forName(String name) {
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown charset: " + name, e);
        }
    }

    /**
     * Opens {@code in} as characters, detecting the charset unless {@code explicit} is given.
     * Reading the returned reader consumes {@code in}; closing it closes {@code in}.
     *
     * @param explicit the charset named by the caller, or null to detect
     */
    public static DecodedInput open(InputStream in, Charset explicit) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES);
        Detection detection;
        if (explicit != null) {
            detection = new Detection(explicit, Source.EXPLICIT);
        } else {
            buffered.mark(SNIFF_BYTES);
            byte[] head = new byte[SNIFF_BYTES];
            int length = buffered.readNBytes(head, 0, SNIFF_BYTES);
            buffered.reset();
            detection = detect(head, length, length < SNIFF_BYTES);
        }
        return new DecodedInput(new InputStreamReader(buffered, lenientDecoder(detection.charset())), detection);
    }

    /** A decoder that replaces malformed and unmappable input with U+FFFD instead of failing. */
    static CharsetDecoder lenientDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static Charset byBom(byte[] b, int length) {
        if (length >= 4 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF) {
            return Charset.forName("UTF-32BE");
        }
        if (length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (length >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (length >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean isUtf8(byte[] head, int length, boolean complete) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        if (decoder.decode(bytes, chars, complete).isError()) {
            return false;
        }
        // without endOfInput the decoder leaves an incomplete final sequence (at most 3 bytes)
        return complete ? decoder.flush(chars).isUnderflow() : bytes.remaining() < 4;
    }
}
