package org.rapport.records.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.rapport.records.Client;
import org.rapport.records.ClientQuery;
import org.rapport.records.Contact;
import org.rapport.records.Page;
import org.rapport.records.internal.csv.CsvWriter;
import org.rapport.store.Store;

/**
 * Writes the clients matching a query as CSV, one line per contact (a client without contacts
 * gets one line), with headers in Chinese or English that the importer reads back. Cells that a
 * spreadsheet would run as formulas are neutralised.
 */
public final class ClientExporter {
    private static final int PAGE = 500;
    private static final String[][] COLUMNS = {
        {"id", "客户编号"}, {"company name", "公司名称"}, {"registration number", "统一社会信用代码"}, {"industry", "行业"},
        {"region", "地区"}, {"annual revenue", "年收入"}, {"employees", "员工人数"}, {"tags", "标签"}, {"status", "状态"},
        {"tier", "客户等级"}, {"stage", "生命周期阶段"}, {"manager id", "客户经理编号"}, {"value score", "价值评分"},
        {"churn risk", "流失风险"}, {"contact name", "联系人"}, {"title", "职务"}, {"email", "邮箱"}, {"phone", "电话"},
        {"preferred channel", "首选渠道"}, {"language", "语言"}, {"time zone", "时区"}};

    private final Store store;

    public ClientExporter(Store store) {
        this.store = store;
    }

    /**
     * Writes every client matching {@code query} (its page and size are ignored).
     *
     * @param chinese Chinese headers
     * @param gb18030 GB18030 encoding (for Excel on Chinese Windows) instead of UTF-8 with BOM
     * @return the number of clients written
     */
    public long write(ClientQuery query, OutputStream out, boolean chinese, boolean gb18030) throws IOException {
        return write(query, out, chinese, gb18030, null);
    }

    /**
     * As {@link #write(ClientQuery, OutputStream, boolean, boolean)}, each cell passed through {@code mask}
     * ({@code "client.registrationNo"} or {@code "contact.phones"} and the text → the text to write) when given.
     */
    public long write(ClientQuery query, OutputStream out, boolean chinese, boolean gb18030, BinaryOperator<String> mask) throws IOException {
        BinaryOperator<String> cells = mask == null ? (field, value) -> value : (field, value) -> value.isEmpty() ? value : mask.apply(field, value);
        CsvWriter csv = gb18030 ? CsvWriter.gb18030(out) : CsvWriter.excelUtf8(out);
        List<String> header = new ArrayList<>();
        for (String[] column : COLUMNS) {
            header.add(chinese ? column[1] : column[0]);
        }
        csv.writeRow(header);
        long written = 0;
        for (int page = 1;; page++) {
            ClientQuery q = new ClientQuery(query.text(), query.tiers(), query.stages(), query.managerId(), query.minChurnRisk(),
                    query.region(), query.industry(), query.status(), query.tag(), query.sort(), page, PAGE);
            Page<Client> clients = store.jdbi().withHandle(h -> ClientRepository.list(h, q));
            Map<Long, List<Contact>> contacts = new LinkedHashMap<>();
            store.jdbi().withHandle(h -> ContactRepository.byClients(h, clients.items().stream().map(Client::id).toList()))
                    .forEach(c -> contacts.computeIfAbsent(c.clientId(), k -> new ArrayList<>()).add(c));
            for (Client client : clients.items()) {
                List<Contact> people = contacts.getOrDefault(client.id(), List.of());
                if (people.isEmpty()) {
                    csv.writeRow(row(client, null, cells));
                }
                for (Contact contact : people) {
                    csv.writeRow(row(client, contact, cells));
                }
                written++;
            }
            csv.flush();
            if (clients.items().size() < PAGE) {
                break;
            }
        }
        csv.flush();
        return written;
    }

    /** The ids of the clients an export of {@code query} writes, when there are at most {@code max} (else none), and the total. */
    public record Selection(long total, List<Long> ids) {
    }

    public Selection select(ClientQuery query, int max) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1;; page++) {
            ClientQuery q = new ClientQuery(query.text(), query.tiers(), query.stages(), query.managerId(), query.minChurnRisk(),
                    query.region(), query.industry(), query.status(), query.tag(), query.sort(), page, PAGE);
            Page<Client> clients = store.jdbi().withHandle(h -> ClientRepository.list(h, q));
            if (clients.total() > max) {
                return new Selection(clients.total(), List.of());
            }
            clients.items().forEach(c -> ids.add(c.id()));
            if (clients.items().size() < PAGE) {
                return new Selection(clients.total(), ids);
            }
        }
    }

    private static List<String> row(Client c, Contact p, BinaryOperator<String> m) {
        List<String> cells = new ArrayList<>(List.of(Long.toString(c.id()), m.apply("client.name", c.name()),
                m.apply("client.registrationNo", text(c.registrationNo())), m.apply("client.industry", text(c.industry())),
                m.apply("client.region", text(c.region())), m.apply("client.annualRevenue", number(c.annualRevenue())),
                m.apply("client.employees", c.employees() == null ? "" : c.employees().toString()),
                m.apply("client.tags", String.join(";", c.tags())), c.status(), text(c.standing().tier()), text(c.standing().stage()),
                c.standing().managerId() == null ? "" : c.standing().managerId().toString(),
                c.standing().valueScore() == null ? "" : c.standing().valueScore().toString(),
                c.standing().churnRisk() == null ? "" : c.standing().churnRisk().toString()));
        if (p == null) {
            for (int i = 0; i < 7; i++) {
                cells.add("");
            }
        } else {
            cells.addAll(List.of(m.apply("contact.name", p.name()), m.apply("contact.title", text(p.title())),
                    m.apply("contact.emails", String.join(";", p.emails())), m.apply("contact.phones", String.join(";", p.phones())),
                    text(p.preferredChannel()), p.language(), p.timeZone()));
        }
        return cells;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
