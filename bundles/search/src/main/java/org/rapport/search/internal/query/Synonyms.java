package org.rapport.search.internal.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Groups of words clients use for the same thing ("U盾, 安全令牌, token"; "退票, 退回, bounced"),
 * so a question in everyday words finds the article written in the library's words.
 *
 * <p>One group per line, its entries separated by commas (Chinese and English may share a group);
 * {@code #} starts a comment. An entry is found in a text case-insensitively: Chinese entries
 * anywhere, Latin entries as whole words. Where entries overlap, the longest found wins.
 */
public final class Synonyms {
    private static final Synonyms NONE = new Synonyms(List.of());

    /** A group entry found in a text: where, and the group it belongs to. */
    public record Found(String entry, int start, int end, List<String> group) {}

    private record Entry(String text, List<String> group, boolean latin) {}

    private final List<Entry> entries;

    private Synonyms(List<Entry> entries) {
        this.entries = entries;
    }

    public static Synonyms none() {
        return NONE;
    }

    /** The groups of {@code lines} (see the class comment); malformed lines (fewer than two entries) are skipped. */
    public static Synonyms of(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            Set<String> group = new LinkedHashSet<>();
            for (String part : content.split("[,，]")) {
                String entry = part.strip().toLowerCase(Locale.ROOT);
                if (!entry.isEmpty() && entry.length() <= 40) {
                    group.add(entry);
                }
            }
            if (group.size() < 2) {
                continue;
            }
            List<String> members = List.copyOf(group);
            for (String entry : members) {
                entries.add(new Entry(entry, members, entry.codePoints().allMatch(cp -> cp < 0x2E80)));
            }
        }
        entries.sort(Comparator.comparingInt((Entry e) -> -e.text().length()));
        return new Synonyms(List.copyOf(entries));
    }

    /** The groups in a class-path resource of this bundle. */
    public static Synonyms fromResource(String name) {
        try (InputStream in = Synonyms.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return of(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** These groups and {@code more}. */
    public Synonyms with(Synonyms more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more.entries);
        all.sort(Comparator.comparingInt((Entry e) -> -e.text().length()));
        return new Synonyms(List.copyOf(all));
    }

    public int size() {
        return entries.size();
    }

    /** The entries found in {@code text}, longest first, none overlapping another. */
    public List<Found> find(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean[] taken = new boolean[lower.length()];
        List<Found> found = new ArrayList<>();
        for (Entry entry : entries) {
            int from = 0;
            while (true) {
                int at = lower.indexOf(entry.text(), from);
                if (at < 0) {
                    break;
                }
                int end = at + entry.text().length();
                from = at + 1;
                if (entry.latin() && !(boundary(lower, at - 1) && boundary(lower, end))) {
                    continue;
                }
                if (free(taken, at, end)) {
                    java.util.Arrays.fill(taken, at, end, true);
                    found.add(new Found(entry.text(), at, end, entry.group()));
                }
            }
        }
        return found;
    }

    private static boolean boundary(String text, int i) {
        return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    }

    private static boolean free(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }
}
