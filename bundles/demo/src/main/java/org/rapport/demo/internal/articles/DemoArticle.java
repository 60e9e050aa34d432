package org.rapport.demo.internal.articles;

import java.util.List;

/**
 * One article of the demo library as written in {@code demo/articles/<language>/<key>.md}.
 *
 * @param key the file name without {@code .md}, e.g. {@code 12-refund-policy} (the same topic has the same key in both languages)
 * @param language {@code zh} or {@code en}
 * @param title the title
 * @param category the category
 * @param tags the tags
 * @param kind {@code article}, {@code guide} or {@code video}
 * @param videoUrl the video's address, or {@code null}
 * @param related keys of related articles in the same language
 * @param body the Markdown body
 */
public record DemoArticle(String key, String language, String title, String category, List<String> tags, String kind,
        String videoUrl, List<String> related, String body) {

    public DemoArticle {
        tags = List.copyOf(tags);
        related = List.copyOf(related);
    }
}
