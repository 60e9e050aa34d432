package org.rapport.campaigns;

/**
 * A message template in one language: a subject (email) and a body, in Pebble syntax
 * ({@code {{ contact.name }}}). Variables: {@code contact} (name, title, language), {@code client}
 * (name, tier, stage, region, industry), {@code manager} (name; empty when none), {@code articles}
 * (list of title, url), {@code campaign} (name).
 *
 * @since 0.1
 */
public record Template(String subject, String body) {
}
