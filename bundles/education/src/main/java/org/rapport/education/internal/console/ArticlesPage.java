package org.rapport.education.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsolePageProperties;
import org.rapport.education.Education;

/** The console page listing the library's articles with their state and views ({@code #/articles}). */
@Component(service = Object.class)
@ConsolePageProperties(group = "care", id = "articles", order = 10, roles = {"admin", "manager", "agent", "auditor"},
        label_en = "Articles", label_zh = "知识文章", module = "/education/articles.js")
public final class ArticlesPage {

    @Activate
    public ArticlesPage(@Reference Education education) {
        // registered only while the library is served
    }
}
