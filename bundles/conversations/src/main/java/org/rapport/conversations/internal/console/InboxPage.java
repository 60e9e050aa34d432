package org.rapport.conversations.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsolePageProperties;
import org.rapport.conversations.Conversations;

/** The staff inbox page ({@code #/inbox[/{id}]}); present while conversations are served. */
@Component(service = Object.class)
@ConsolePageProperties(group = "care", id = "inbox", order = 5, roles = {"admin", "manager", "agent"}, label_en = "Inbox",
        label_zh = "收件箱", module = "/conversations/inbox.js")
public final class InboxPage {

    @Activate
    public InboxPage(@Reference Conversations conversations) {
        // registered only while conversations are served
    }
}
