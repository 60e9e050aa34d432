package org.rapport.conversations.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the chatbot, PID {@value #PID}. */
@ObjectClassDefinition(id = BotConfig.PID, name = "Rapport chatbot", description = "How the chatbot answers clients")
public @interface BotConfig {

    String PID = "org.rapport.conversations.bot";

    @AttributeDefinition(name = "Enabled", description = "Off: every client message waits for staff")
    boolean enabled() default true;

    @AttributeDefinition(name = "Confidence threshold",
            description = "The least confidence (0 to 1) at which the bot answers from the education library; below it a person answers")
    double confidenceThreshold() default 0.5;

    @AttributeDefinition(name = "Answer templates",
            description = "key.lang=text replacing a built-in answer, e.g. greeting.en=Hello from ACME! (\\n for a new line)")
    String[] templates() default {};
}
