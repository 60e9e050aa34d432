package org.rapport.conversations.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.console.ConsolePageProperties;
import org.rapport.conversations.internal.Bot;

/** The admins' "try the bot" page ({@code #/bot}). */
@Component(service = Object.class)
@ConsolePageProperties(group = "care", id = "bot", order = 80, roles = {"admin"}, label_en = "Try the bot", label_zh = "机器人测试",
        module = "/conversations/bot.js")
public final class BotPage {

    @Activate
    public BotPage(@Reference Bot bot) {
        // registered only while the bot runs
    }
}
