package org.rapport.records.internal.rest;

import java.math.BigDecimal;
import java.util.List;
import org.rapport.records.ClientInput;
import org.rapport.records.ContactInput;

/**
 * The JSON body of {@code POST /api/v1/clients}: the company's fields and, optionally, its first
 * contacts.
 */
record ClientBody(String name, String registrationNo, String industry, String region, BigDecimal annualRevenue,
        Integer employees, List<String> tags, String status, java.time.LocalDate clientSince, List<ContactInput> contacts) {

    ClientInput input() {
        return new ClientInput(name, registrationNo, industry, region, annualRevenue, employees, tags, status, clientSince);
    }

    List<ContactInput> contactList() {
        return contacts == null ? List.of() : contacts;
    }
}
