package org.rapport.conversations.internal.bot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The client's own account data the bot may show to that verified client. */
public interface AccountFacts {

    /** A complaint as the client sees it. */
    record Complaint(String reference, LocalDate filed, String status) {}

    /** A transaction as the client sees it. */
    record Transaction(LocalDate date, BigDecimal amount, String currency, String product) {}

    /** The name of the contact's company's account manager, if one is assigned. */
    Optional<String> accountManager(long contactId);

    /** The contact's complaints, newest first. */
    List<Complaint> complaints(long contactId);

    /** The latest transactions of the contact's company, newest first. */
    List<Transaction> transactions(long contactId, int max);
}
