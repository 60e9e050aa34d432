package org.rapport.demo.internal.world;

import java.time.LocalDate;

/**
 * A follow-up task of an account manager about a client company.
 *
 * @param companyIndex the company's position in {@link World#companies()}
 * @param title what to do, in the company's language
 * @param language {@code zh} or {@code en}
 * @param dueDate when it is due; open tasks due before today are overdue
 * @param ownerUsername the manager who owns it
 * @param status {@code open} or {@code done}
 */
public record DemoTask(int companyIndex, String title, String language, LocalDate dueDate, String ownerUsername,
        String status) {
}
