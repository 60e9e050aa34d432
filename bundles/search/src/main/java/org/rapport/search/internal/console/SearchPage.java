package org.rapport.search.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsolePageProperties;
import org.rapport.search.SearchService;

/**
 * The console's search page ({@code #/search/<text>}): one box over clients, contacts,
 * interactions and articles, with facets. The shell shows a search box in its header while a page
 * with the id {@code search} exists.
 */
@Component(service = Object.class)
@ConsolePageProperties(group = "overview", id = "search", order = 5, roles = {"admin", "manager", "agent", "auditor"},
        label_en = "Search", label_zh = "搜索", module = "/search/search.js")
public final class SearchPage {

    @Activate
    public SearchPage(@Reference SearchService search) {
        // registered only while search is served
    }
}
