package org.rapport.education.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsolePageProperties;
import org.rapport.education.Education;

/** The console page to write, preview, publish and read one article ({@code #/article/{id}} or {@code #/article/new}). */
@Component(service = Object.class)
@ConsolePageProperties(group = "care", id = "article", order = 11, roles = {"admin", "manager", "agent", "auditor"},
        label_en = "Article", label_zh = "文章", module = "/education/article.js", parent = "articles")
public final class ArticleEditorPage {

    @Activate
    public ArticleEditorPage(@Reference Education education) {
        // registered only while the library is served
    }
}
