package org.rapport.education.internal.web;

import java.util.List;
import java.util.Map;
import org.rapport.education.Article;
import org.rapport.education.ArticleSummary;
import org.rapport.education.Education;

/** The HTML of the public library pages; every text from the database is escaped, bodies come sanitised. */
final class PublicPages {

    /** A page's title and the HTML of its main element. */
    record Page(String title, String main) {}

    private PublicPages() {
    }

    static String html(String lang, Page page) {
        return "<!doctype html>\n<html lang=\"" + (lang.equals("zh") ? "zh-CN" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(page.title()) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"/kb/kb.css\">\n</head>\n<body>\n<header class=\"kb-header\"><a href=\"/kb/?lang=" + lang
                + "\">" + (lang.equals("zh") ? "帮助中心" : "Help centre") + "</a></header>\n<main id=\"main\">\n" + page.main()
                + "\n</main>\n</body>\n</html>\n";
    }

    static Page article(Article article, String bodyHtml, List<Article> related) {
        boolean zh = article.language().equals("zh");
        StringBuilder main = new StringBuilder("<article class=\"kb-article\" data-article=\"").append(article.id()).append("\">\n");
        main.append("<p class=\"kb-category\">").append(escape(article.category())).append("</p>\n");
        main.append("<h1>").append(escape(article.title())).append("</h1>\n");
        if (article.videoUrl() != null) {
            main.append("<p class=\"kb-video\"><a rel=\"noopener noreferrer\" href=\"").append(escape(article.videoUrl())).append("\">")
                    .append(zh ? "观看视频" : "Watch the video").append("</a></p>\n");
        }
        main.append("<div class=\"kb-body\">").append(bodyHtml).append("</div>\n");
        if (!article.tags().isEmpty()) {
            main.append("<ul class=\"kb-tags\" aria-label=\"").append(zh ? "标签" : "Tags").append("\">");
            article.tags().forEach(t -> main.append("<li>").append(escape(t)).append("</li>"));
            main.append("</ul>\n");
        }
        if (!related.isEmpty()) {
            main.append("<nav class=\"kb-related\" aria-labelledby=\"related\"><h2 id=\"related\">").append(zh ? "相关文章" : "Related articles")
                    .append("</h2><ul>");
            related.forEach(r -> main.append("<li><a href=\"").append(Education.PUBLIC_PATH).append(r.id()).append("\">")
                    .append(escape(r.title())).append("</a></li>"));
            main.append("</ul></nav>\n");
        }
        if (article.publishedAt() != null) {
            main.append("<p class=\"kb-meta\">").append(zh ? "版本 " : "Version ").append(article.version()).append(" · ")
                    .append(article.updatedAt().toString(), 0, 10).append("</p>\n");
        }
        main.append("</article>");
        return new Page(article.title(), main.toString());
    }

    static Page index(String lang, Map<String, List<ArticleSummary>> byCategory) {
        boolean zh = lang.equals("zh");
        StringBuilder main = new StringBuilder("<h1>").append(zh ? "帮助中心" : "Help centre").append("</h1>\n");
        main.append("<p class=\"kb-lang\"><a href=\"/kb/?lang=").append(zh ? "en\">English" : "zh\">中文").append("</a></p>\n");
        if (byCategory.isEmpty()) {
            main.append("<p>").append(zh ? "暂无文章。" : "No articles yet.").append("</p>");
        }
        byCategory.forEach((category, articles) -> {
            main.append("<section><h2>").append(escape(category)).append("</h2><ul>");
            articles.forEach(a -> main.append("<li><a href=\"").append(Education.PUBLIC_PATH).append(a.id()).append("\">")
                    .append(escape(a.title())).append("</a></li>"));
            main.append("</ul></section>\n");
        });
        return new Page(zh ? "帮助中心" : "Help centre", main.toString());
    }

    static Page notFound() {
        return new Page("Not found · 未找到", "<h1>This article is not available · 该文章不存在或未发布</h1>"
                + "<p><a href=\"/kb/\">Help centre · 帮助中心</a></p>");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
