package org.rapport.search.internal.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rapport.search.internal.index.Analyzers;
import org.rapport.search.internal.index.Analyzers.Token;
import org.rapport.search.internal.index.Identifiers;

/**
 * A user's text taken apart the two ways the index is: Chinese words (smartcn) and whole words
 * with Chinese bigrams, plus identifier candidates. Nothing in the text is syntax: punctuation
 * and operators are analysed away like any other non-word.
 *
 * @param chinese distinct smartcn terms, in order
 * @param words distinct word terms, in order (Chinese as bigrams, single characters only where a bigram is impossible)
 * @param identifiers email, phone and code candidates
 */
public record Terms(List<String> chinese, List<String> words, Identifiers.QueryForms identifiers) {

    /** Longest text analysed. */
    public static final int MAX_TEXT = 500;

    public static Terms of(String text) {
        String clean = clean(text);
        List<String> chinese = new ArrayList<>(new LinkedHashSet<>(Analyzers.tokens(Analyzers.chinese(), clean).stream()
                .map(Token::term).toList()));
        List<Token> wordTokens = Analyzers.tokens(Analyzers.words(), clean);
        Set<String> words = new LinkedHashSet<>();
        for (int i = 0; i < wordTokens.size(); i++) {
            Token token = wordTokens.get(i);
            if (token.single() && coveredByBigram(wordTokens, token)) {
                continue;
            }
            words.add(token.term());
        }
        return new Terms(chinese, new ArrayList<>(words), Identifiers.inQuery(clean));
    }

    /** Whether a single Chinese character is part of a bigram of the text (then the bigram is searched instead). */
    private static boolean coveredByBigram(List<Token> tokens, Token single) {
        for (Token t : tokens) {
            if (t.bigram() && t.start() <= single.start() && t.end() >= single.end()) {
                return true;
            }
        }
        return false;
    }

    /** The text without control characters, at most {@link #MAX_TEXT} characters. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE ? ' ' : cp));
        return out.toString().strip();
    }

    public boolean isEmpty() {
        return chinese.isEmpty() && words.isEmpty() && identifiers.isEmpty();
    }
}
