package org.rapport.compliance.internal.consent;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recognises a message that is only an opt-out command ("STOP", "TD", "退订", "unsubscribe",
 * "取消订阅"…): compared after NFKC normalisation (full-width letters), in any case, with blanks,
 * hyphens and surrounding punctuation ignored.
 */
public final class OptOutCommands {

    /** The default keywords (configurable). */
    public static final String[] DEFAULTS = {"STOP", "STOPALL", "UNSUBSCRIBE", "OPTOUT", "OPT-OUT", "QUIT", "END", "TD", "T",
        "退订", "退定", "取消订阅", "退订短信", "取消关注", "不要再发"};

    private final Set<String> keywords;

    public OptOutCommands(Collection<String> keywords) {
        this.keywords = keywords.stream().map(OptOutCommands::normalise).filter(k -> !k.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean matches(String text) {
        if (text == null || text.length() > 200) {
            return false;
        }
        String normal = normalise(text);
        return !normal.isEmpty() && keywords.contains(normal);
    }

    static String normalise(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().filter(cp -> Character.isLetterOrDigit(cp)).forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
