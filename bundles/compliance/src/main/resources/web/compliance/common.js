// Helpers shared by the compliance pages: labels of channels, purposes, decisions and rules in both
// languages, a status line, a data table, dates and downloads.
import { h, replace, message, when } from '/console/dom.js';

export const CHANNELS = ['email', 'sms', 'webchat'];
export const PURPOSES = ['service', 'care', 'marketing'];

export const LABELS = {
    en: {
        'channel.email': 'Email', 'channel.sms': 'SMS', 'channel.webchat': 'Web chat',
        'purpose.service': 'Service', 'purpose.care': 'Care', 'purpose.marketing': 'Marketing',
        'decision.allow': 'Allow', 'decision.deny': 'Deny', 'decision.defer': 'Defer',
        'rule.opted_out_send': 'Send to an opted-out contact', 'rule.frequency_cap': 'Frequency cap hit', 'rule.bulk_export': 'Bulk export',
        'rule.many_exports': 'Many exports', 'rule.many_reads': 'Many records read', 'rule.after_hours': 'Access outside working hours',
        'rule.chain_broken': 'Audit chain broken',
        'severity.info': 'Info', 'severity.warning': 'Warning', 'severity.critical': 'Critical',
        'status.open': 'Open', 'status.acknowledged': 'Acknowledged', 'status.resolved': 'Resolved',
        'action.delete': 'Delete', 'action.anonymise': 'Anonymise', 'yes': 'Yes', 'no': 'No', 'none': '—',
        'prev': '← Previous', 'next': 'Next →', 'page': 'Page {page} of {pages}', 'total': '{n} in all',
    },
    zh: {
        'channel.email': '邮件', 'channel.sms': '短信', 'channel.webchat': '在线客服',
        'purpose.service': '服务', 'purpose.care': '关怀', 'purpose.marketing': '营销',
        'decision.allow': '允许', 'decision.deny': '拒绝', 'decision.defer': '延后',
        'rule.opted_out_send': '向已退订联系人发送', 'rule.frequency_cap': '触达频次上限', 'rule.bulk_export': '批量导出',
        'rule.many_exports': '频繁导出', 'rule.many_reads': '大量读取客户记录', 'rule.after_hours': '非工作时间访问',
        'rule.chain_broken': '审计链被破坏',
        'severity.info': '提示', 'severity.warning': '警告', 'severity.critical': '严重',
        'status.open': '待处理', 'status.acknowledged': '已确认', 'status.resolved': '已解决',
        'action.delete': '删除', 'action.anonymise': '匿名化', 'yes': '是', 'no': '否', 'none': '—',
        'prev': '← 上一页', 'next': '下一页 →', 'page': '第 {page} / {pages} 页', 'total': '共 {n} 条',
    },
};

/** The page's own texts merged with the shared labels. */
export function withLabels(text) {
    return { en: { ...LABELS.en, ...text.en }, zh: { ...LABELS.zh, ...text.zh } };
}

/** A status area and a function showing a message in it (announced unless it is an error). */
export function statusLine(announce) {
    const status = h('div', { class: 'page-messages', 'aria-live': 'polite' });
    const show = (kind, text) => {
        replace(status, message(kind, text));
        if (kind !== 'error') {
            announce(text);
        }
    };
    return [status, show];
}

/** A table with a caption-less header row and one row per item (cells: nodes or strings). */
export function table(headers, rows, attrs = {}) {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', ...attrs },
        h('thead', {}, h('tr', {}, headers.map((head) => h('th', { scope: 'col', text: head })))),
        h('tbody', {}, rows)));
}

export function badge(text, tone) {
    return h('span', { class: `badge ${tone ? `badge-${tone}` : ''}`, text });
}

export function decisionBadge(tr, decision) {
    return badge(tr(`decision.${decision}`), decision === 'allow' ? 'ok' : decision === 'deny' ? 'danger' : 'warn');
}

export function severityBadge(tr, severity) {
    return badge(tr(`severity.${severity}`), severity === 'critical' ? 'danger' : severity === 'warning' ? 'warn' : 'info');
}

export function label(tr, family, id) {
    const key = `${family}.${id}`;
    const text = tr(key);
    return text === key ? id : text;
}

export function at(value, lang) {
    return when(value, lang);
}

/** A query string of the non-empty values. */
export function query(values) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) {
        if (value !== null && value !== undefined && String(value).trim() !== '') {
            params.set(key, String(value).trim());
        }
    }
    const text = params.toString();
    return text ? `?${text}` : '';
}

/** Previous / next buttons for a list of `total` items shown `size` at a time. */
export function pager(tr, page, size, total, go) {
    const pages = Math.max(1, Math.ceil(total / size));
    return h('div', { class: 'pager' },
        h('span', { class: 'muted small', text: `${tr('page', { page, pages })} · ${tr('total', { n: total })}` }),
        h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('prev'), disabled: page <= 1, onClick: () => go(page - 1) }),
        h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('next'), disabled: page >= pages, onClick: () => go(page + 1) }));
}

export function hasRole(ctx, ...roles) {
    return (ctx.user.roles || []).some((r) => roles.includes(r));
}
