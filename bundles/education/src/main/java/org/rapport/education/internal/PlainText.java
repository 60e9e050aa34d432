package org.rapport.education.internal;

/** Plain-text excerpts of Markdown for lists and previews. */
final class PlainText {

    private PlainText() {
    }

    /** The start of the Markdown as one line of plain text, at most {@code max} characters (cut at a word when it can). */
    static String excerpt(String markdown, int max) {
        String text = MarkdownRenderer.text(markdown).replaceAll("\\s+", " ").strip();
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return text.substring(0, cut).strip() + "…";
    }
}
