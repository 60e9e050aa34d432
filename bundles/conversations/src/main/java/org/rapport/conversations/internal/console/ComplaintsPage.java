package org.rapport.conversations.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsolePageProperties;
import org.rapport.conversations.Conversations;

/** The complaints page ({@code #/complaints}): the list by status, each moved on through its workflow. */
@Component(service = Object.class)
@ConsolePageProperties(group = "care", id = "complaints", order = 7, roles = {"admin", "manager", "agent"}, label_en = "Complaints",
        label_zh = "投诉", module = "/conversations/complaints.js")
public final class ComplaintsPage {

    @Activate
    public ComplaintsPage(@Reference Conversations conversations) {
        // registered only while conversations are served
    }
}
