package org.rapport.education.internal.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.education.Article;
import org.rapport.education.ArticlePage;
import org.rapport.education.ArticleQuery;
import org.rapport.education.ArticleSummary;
import org.rapport.education.Education;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public, read-only pages of the library (no sign-in): {@code /kb/articles/{id}} shows a
 * published article (and counts a view), {@code /kb/} lists the published articles of a language
 * by category, {@code /kb/kb.css} is their stylesheet. Drafts and unknown ids are a 404 page.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/kb", "/kb/*"})
public final class PublicArticleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PublicArticleServlet.class);
    private static final String CSP = "default-src 'none'; style-src 'self'; img-src https: http: data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final transient Education education;
    private final byte[] css;

    @Activate
    public PublicArticleServlet(@Reference Education education) throws IOException {
        this.education = education;
        try (InputStream in = PublicArticleServlet.class.getResourceAsStream("/web/kb/kb.css")) {
            this.css = in == null ? new byte[0] : in.readAllBytes();
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        try {
            if (path.equals("/kb.css")) {
                resp.setContentType("text/css; charset=utf-8");
                resp.setHeader("Cache-Control", "public, max-age=3600");
                resp.getOutputStream().write(css);
            } else if (path.equals("/") || path.isEmpty()) {
                String lang = "en".equalsIgnoreCase(req.getParameter("lang")) ? "en" : "zh".equalsIgnoreCase(req.getParameter("lang")) ? "zh"
                        : guessLanguage(req);
                page(resp, 200, lang, index(lang));
            } else if (path.startsWith("/articles/")) {
                article(path.substring("/articles/".length()), resp);
            } else {
                notFound(resp, guessLanguage(req));
            }
        } catch (RuntimeException e) {
            LOG.error("Public article page {} failed", path, e);
            resp.setStatus(503);
            page(resp, 503, "en", new PublicPages.Page("Unavailable · 暂不可用", "<h1>Please try again later · 请稍后再试</h1>"));
        }
    }

    private void article(String idText, HttpServletResponse resp) throws IOException {
        Optional<Article> found = parseId(idText).flatMap(education::article).filter(Article::published);
        if (found.isEmpty()) {
            notFound(resp, "en");
            return;
        }
        Article article = found.get();
        education.recordView(article.id());
        List<Article> related = education.articles(article.related()).stream().filter(Article::published).toList();
        page(resp, 200, article.language(), PublicPages.article(article, education.render(article.body()), related));
    }

    private PublicPages.Page index(String lang) {
        ArticlePage page = education.list(new ArticleQuery(lang, Article.PUBLISHED, null, null, "title", 1, ArticleQuery.MAX_SIZE));
        Map<String, List<ArticleSummary>> byCategory = new java.util.TreeMap<>();
        page.items().forEach(a -> byCategory.computeIfAbsent(a.category(), k -> new java.util.ArrayList<>()).add(a));
        return PublicPages.index(lang, byCategory);
    }

    private static Optional<Long> parseId(String text) {
        try {
            long id = Long.parseLong(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void notFound(HttpServletResponse resp, String lang) throws IOException {
        page(resp, 404, lang, PublicPages.notFound());
    }

    private static String guessLanguage(HttpServletRequest req) {
        String accept = req.getHeader("Accept-Language");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? "zh" : "en";
    }

    private static void page(HttpServletResponse resp, int status, String lang, PublicPages.Page page) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Cache-Control", "no-cache");
        resp.getOutputStream().write(PublicPages.html(lang, page).getBytes(StandardCharsets.UTF_8));
    }
}
