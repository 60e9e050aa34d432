package org.rapport.conversations.internal.bot;

/** Tells Chinese from English text, per message. */
public final class Languages {

    private Languages() {
    }

    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("<[^<>]{0,500}>|https?://\\S+");
    private static final int CLEARLY_CHINESE = 5;

    /**
     * {@code zh} when a fair share of the letters are Han characters (or there are several of them),
     * {@code en} when there are Latin letters and (almost) no Han, else {@code fallback} (digits,
     * emoji, punctuation only). Markup and links do not count: they are not what the client wrote in.
     */
    public static String detect(String raw, String fallback) {
        if (raw == null) {
            return fallback;
        }
        String text = MARKUP.matcher(raw).replaceAll(" ");
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            } else if (cp < 0x250 && Character.isLetter(cp)) {
                latin++;
            }
        }
        if (han == 0 && latin == 0) {
            return fallback;
        }
        // one Han character carries about a word: weigh it against Latin words, not letters
        return han * 4 >= latin || han >= CLEARLY_CHINESE ? "zh" : "en";
    }
}
