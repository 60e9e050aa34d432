package org.rapport.records.internal.csv;

/**
 * Guesses the cell delimiter of a file from a sample of its text: whichever of ',', ';' and TAB
 * occurs most often outside quotes (Excel writes ';' in some locales and TAB for "Unicode text");
 * ',' when none occurs or on a tie.
 */
public final class DelimiterSniffer {

    private static final char[] CANDIDATES = {',', '\t', ';'};

    private DelimiterSniffer() {
    }

    public static char sniff(CharSequence sample) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }
}
