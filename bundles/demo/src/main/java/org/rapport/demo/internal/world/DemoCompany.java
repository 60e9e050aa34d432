package org.rapport.demo.internal.world;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A client company (corporate account) of the demo world.
 *
 * @param index the position in {@link World#companies()}; other records refer to the company by it
 * @param name the unique registered name, Chinese or English
 * @param language {@code zh} or {@code en}: the language of the name and of its contacts
 * @param registrationNumber an 18-character unified social credit code for mainland companies, a local number
 *     elsewhere, or {@code null} when unknown
 * @param industry an industry id, e.g. {@code manufacturing}
 * @param region a region id, e.g. {@code jiangsu} or {@code hong-kong}
 * @param country ISO country code of the region: CN, HK, SG, GB or DE
 * @param annualRevenue yearly revenue in CNY, scale 2
 * @param employees head count
 * @param tags free tags, Chinese or English
 * @param status {@code active} or {@code inactive}
 * @param createdOn when the company became a client (or, for prospects, a lead)
 * @param archetype the hidden story driving its activity; not client data, do not load it
 * @param domain the e-mail domain of its contacts, always under an {@code example.*} domain
 * @param products product ids the company holds (or, for prospects, is interested in)
 * @param managerUsername the intended account manager's username
 */
public record DemoCompany(int index, String name, String language, String registrationNumber, String industry,
        String region, String country, BigDecimal annualRevenue, int employees, List<String> tags, String status,
        LocalDate createdOn, Archetype archetype, String domain, List<String> products, String managerUsername) {

    public DemoCompany {
        tags = List.copyOf(tags);
        products = List.copyOf(products);
    }

    /** This company with another intended manager. */
    public DemoCompany withManager(String username) {
        return new DemoCompany(index, name, language, registrationNumber, industry, region, country, annualRevenue,
                employees, tags, status, createdOn, archetype, domain, products, username);
    }
}
