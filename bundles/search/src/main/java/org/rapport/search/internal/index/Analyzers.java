package org.rapport.search.internal.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The two analyses of every text: {@link #chinese()} (smartcn: Chinese segmented into words,
 * English lower-cased and stemmed) and {@link #words()} (Unicode word boundaries, so English words,
 * numbers and identifiers such as {@code acme.com} or {@code SF1234567890} stay whole; lower-cased,
 * full-width folded; Chinese as bigrams plus single characters). {@link #perField()} picks one by
 * the field's prefix. Analyzers are thread-safe.
 */
public final class Analyzers {
    /** A token: its text, where it was, and its type. */
    public record Token(String term, int start, int end, String type) {
        /** A Chinese single character from the bigram filter. */
        public boolean single() {
            return CJKBigramFilter.SINGLE_TYPE.equals(type);
        }

        /** A Chinese bigram. */
        public boolean bigram() {
            return CJKBigramFilter.DOUBLE_TYPE.equals(type);
        }
    }

    private static final Analyzer CHINESE = new SmartChineseAnalyzer();
    private static final Analyzer WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
                    | CJKBigramFilter.HANGUL, true);
            return new TokenStreamComponents(source, stream);
        }
    };
    private static final Analyzer PER_FIELD = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return fieldName.startsWith("zh.") ? CHINESE : WORDS;
        }
    };

    private Analyzers() {
    }

    public static Analyzer chinese() {
        return CHINESE;
    }

    public static Analyzer words() {
        return WORDS;
    }

    /** Chinese for {@code zh.*} fields, words for the rest. */
    public static Analyzer perField() {
        return PER_FIELD;
    }

    /** The tokens of {@code text} under {@code analyzer}. */
    public static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), type.type()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
