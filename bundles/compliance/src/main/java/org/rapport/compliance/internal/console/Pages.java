package org.rapport.compliance.internal.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.compliance.internal.audit.AuditTrail;
import org.rapport.compliance.internal.consent.ConsentService;
import org.rapport.compliance.internal.gate.GateService;
import org.rapport.compliance.internal.monitor.Alerts;
import org.rapport.compliance.internal.policy.Policies;
import org.rapport.compliance.internal.report.ReportService;
import org.rapport.compliance.internal.retention.RetentionService;
import org.rapport.console.ConsoleCardProperties;
import org.rapport.console.ConsolePageProperties;

/** The compliance bundle's console pages and dashboard cards, each registered while the service behind it runs. */
final class Pages {

    private Pages() {
    }

    /** A contact's consents (and, for admins, export and erasure): {@code #/contact-privacy/{contactId}}, linked from the client page. */
    @Component(service = Object.class)
    @ConsolePageProperties(group = "clients", id = "contact-privacy", order = 12, parent = "clients", roles = {"admin", "manager", "agent", "auditor"},
            label_en = "Consents & privacy", label_zh = "同意与隐私", module = "/compliance/contact.js")
    public static final class ContactPrivacy {
        @Activate
        public ContactPrivacy(@Reference ConsentService consents) {
            // registered while consents are served
        }
    }

    /** Audit search, verification and export ({@code #/audit}). */
    @Component(service = Object.class)
    @ConsolePageProperties(group = "compliance", id = "audit", order = 10, roles = {"admin", "auditor"}, label_en = "Audit log",
            label_zh = "审计日志", module = "/compliance/audit.js")
    public static final class Audit {
        @Activate
        public Audit(@Reference AuditTrail trail) {
            // registered while the audit log is served
        }
    }

    /** Monitoring alerts ({@code #/compliance-alerts}). */
    @Component(service = Object.class)
    @ConsolePageProperties(group = "compliance", id = "compliance-alerts", order = 20, roles = {"admin", "auditor"},
            label_en = "Compliance alerts", label_zh = "合规预警", module = "/compliance/alerts.js")
    public static final class AlertsPage {
        @Activate
        public AlertsPage(@Reference Alerts alerts) {
            // registered while alerts are served
        }
    }

    /** The gate's dry run and decision log ({@code #/gate}). */
    @Component(service = Object.class)
    @ConsolePageProperties(group = "compliance", id = "gate", order = 30, roles = {"admin", "auditor"}, label_en = "Outbound gate",
            label_zh = "外发合规检查", module = "/compliance/gate.js")
    public static final class Gate {
        @Activate
        public Gate(@Reference GateService gate) {
            // registered while the gate runs
        }
    }

    /** Retention rules and runs ({@code #/retention}). */
    @Component(service = Object.class)
    @ConsolePageProperties(group = "compliance", id = "retention", order = 40, roles = {"admin", "auditor"}, label_en = "Retention",
            label_zh = "数据保留", module = "/compliance/retention.js")
    public static final class Retention {
        @Activate
        public Retention(@Reference RetentionService retention) {
            // registered while retention runs
        }
    }

    /** Compliance reports ({@code #/compliance-reports}). */
    @Component(service = Object.class)
    @ConsolePageProperties(group = "compliance", id = "compliance-reports", order = 50, roles = {"admin", "auditor"},
            label_en = "Compliance reports", label_zh = "合规报告", module = "/compliance/reports.js")
    public static final class Reports {
        @Activate
        public Reports(@Reference ReportService reports) {
            // registered while reports are served
        }
    }

    /** Policies to read and acknowledge ({@code #/policies}). */
    @Component(service = Object.class)
    @ConsolePageProperties(group = "compliance", id = "policies", order = 60, roles = {"admin", "manager", "agent", "auditor"},
            label_en = "Policies", label_zh = "合规制度", module = "/compliance/policies.js")
    public static final class PoliciesPage {
        @Activate
        public PoliciesPage(@Reference Policies policies) {
            // registered while policies are served
        }
    }

    /** The reminder of policies the user has not acknowledged yet, first on the dashboard. */
    @Component(service = Object.class)
    @ConsoleCardProperties(id = "policies-pending", order = 1, roles = {"admin", "manager", "agent", "auditor"},
            title_en = "Policies to acknowledge", title_zh = "待确认的合规制度", module = "/compliance/policies-card.js")
    public static final class PoliciesCard {
        @Activate
        public PoliciesCard(@Reference Policies policies) {
            // registered while policies are served
        }
    }

    /** Open compliance alerts and the audit chain's state, for admins and auditors. */
    @Component(service = Object.class)
    @ConsoleCardProperties(id = "compliance-alerts", order = 2, roles = {"admin", "auditor"}, title_en = "Compliance",
            title_zh = "合规", module = "/compliance/alerts-card.js")
    public static final class AlertsCard {
        @Activate
        public AlertsCard(@Reference Alerts alerts) {
            // registered while alerts are served
        }
    }
}
