package org.rapport.compliance.internal.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.rapport.compliance.Channels;

/**
 * Configured content rules, each {@code channels:rule}: channels a comma list or {@code *};
 * rule {@code resident_id}, {@code bank_card}, {@code keyword=word} (case-insensitive) or
 * {@code regex=pattern}. The first rule a message breaks is the reason it is denied.
 */
final class ContentRules {

    /** One rule: where it applies, what it finds, how to say so. */
    record Rule(Set<String> channels, String text, String finding, Predicate<String> breaks) {
    }

    private final List<Rule> rules;

    private ContentRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static ContentRules parse(String[] lines) {
        List<Rule> rules = new ArrayList<>();
        for (String line : lines == null ? new String[0] : lines) {
            if (line != null && !line.isBlank()) {
                rules.add(rule(line.strip()));
            }
        }
        return new ContentRules(rules);
    }

    private static Rule rule(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("A content rule must look like sms:bank_card, not '" + line + "'");
        }
        Set<String> channels = channels(line.substring(0, colon));
        String spec = line.substring(colon + 1).strip();
        if (spec.equals("resident_id")) {
            return new Rule(channels, line, "a resident ID number", IdNumbers::containsResidentId);
        }
        if (spec.equals("bank_card")) {
            return new Rule(channels, line, "a bank card number", IdNumbers::containsCardNumber);
        }
        if (spec.startsWith("keyword=") && spec.length() > "keyword=".length()) {
            String word = spec.substring("keyword=".length()).strip().toLowerCase(Locale.ROOT);
            return new Rule(channels, line, "the blocked word '" + word + "'", text -> text.toLowerCase(Locale.ROOT).contains(word));
        }
        if (spec.startsWith("regex=") && spec.length() > "regex=".length()) {
            try {
                Pattern pattern = Pattern.compile(spec.substring("regex=".length()));
                return new Rule(channels, line, "text matching the rule '" + line + "'", text -> pattern.matcher(text).find());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("The content rule '" + line + "' is not a valid regular expression: " + e.getDescription());
            }
        }
        throw new IllegalArgumentException("Unknown content rule '" + spec + "' (resident_id, bank_card, keyword=..., regex=...)");
    }

    private static Set<String> channels(String list) {
        if (list.strip().equals("*")) {
            return Set.copyOf(Channels.ALL);
        }
        List<String> channels = new ArrayList<>();
        for (String name : list.split(",")) {
            channels.add(Channels.of(name));
        }
        return Set.copyOf(channels);
    }

    /** The first rule {@code content} breaks on {@code channel}. */
    Optional<Rule> broken(String channel, String content) {
        if (content == null || content.isEmpty()) {
            return Optional.empty();
        }
        return rules.stream().filter(r -> r.channels().contains(channel) && r.breaks().test(content)).findFirst();
    }

    List<Rule> rules() {
        return rules;
    }
}
