// Shared by the records pages: labels of the ids the records carry (tiers, stages, statuses,
// industries, regions, channels) in both languages, badges, number formats, the manager
// directory and CSV downloads. Served by the records bundle, so it goes with it.
import { h } from '/console/dom.js';

export const TIERS = ['core', 'key', 'standard', 'prospect'];
export const STAGES = ['prospect', 'new', 'repeat', 'loyal', 'at_risk', 'churned', 'won_back'];
export const STATUSES = ['active', 'inactive', 'closed'];
export const INDUSTRIES = ['manufacturing', 'trading', 'technology', 'logistics', 'retail', 'construction', 'healthcare',
    'energy', 'agriculture', 'education'];
export const REGIONS = ['shanghai', 'beijing', 'guangdong', 'zhejiang', 'jiangsu', 'sichuan', 'hubei', 'hong-kong',
    'singapore', 'london', 'frankfurt'];
export const WRITERS = ['admin', 'manager', 'agent'];
/** sessionStorage key of the last client list (filters in the hash), for the detail page's back link. */
export const LIST_KEY = 'rapport.records.clientsHash';

export const LABELS = {
    en: {
        'tier.core': 'Core', 'tier.key': 'Key', 'tier.standard': 'Standard', 'tier.prospect': 'Prospect',
        'stage.prospect': 'Prospect', 'stage.new': 'New', 'stage.repeat': 'Repeat', 'stage.loyal': 'Loyal',
        'stage.at_risk': 'At risk', 'stage.churned': 'Churned', 'stage.won_back': 'Won back',
        'status.active': 'Active', 'status.inactive': 'Inactive', 'status.closed': 'Closed',
        'industry.manufacturing': 'Manufacturing', 'industry.trading': 'Trading', 'industry.technology': 'Technology',
        'industry.logistics': 'Logistics', 'industry.retail': 'Retail', 'industry.construction': 'Construction',
        'industry.healthcare': 'Healthcare', 'industry.energy': 'Energy', 'industry.agriculture': 'Agriculture',
        'industry.education': 'Education',
        'region.shanghai': 'Shanghai', 'region.beijing': 'Beijing', 'region.guangdong': 'Guangdong', 'region.zhejiang': 'Zhejiang',
        'region.jiangsu': 'Jiangsu', 'region.sichuan': 'Sichuan', 'region.hubei': 'Hubei', 'region.hong-kong': 'Hong Kong',
        'region.singapore': 'Singapore', 'region.london': 'London', 'region.frankfurt': 'Frankfurt',
        'channel.email': 'Email', 'channel.sms': 'SMS', 'channel.webchat': 'Web chat', 'channel.phone': 'Phone',
        'channel.visit': 'Visit', 'channel.other': 'Other',
        'direction.inbound': 'inbound', 'direction.outbound': 'outbound', 'direction.internal': 'internal',
        'kind.contact': 'Contact', 'kind.complaint': 'Complaint', 'kind.note': 'Note',
        'task.open': 'Open', 'task.done': 'Done', 'task.cancelled': 'Cancelled',
        'manager.none': 'Unassigned', 'manager.me': '{name} (you)', 'manager.unknown': 'User #{id}',
        'none': '—', 'yes': 'Yes', 'no': 'No',
        'export.failed': 'The export failed: {message}',
    },
    zh: {
        'tier.core': '核心', 'tier.key': '重点', 'tier.standard': '普通', 'tier.prospect': '潜在',
        'stage.prospect': '潜在客户', 'stage.new': '新客户', 'stage.repeat': '复购客户', 'stage.loyal': '忠诚客户',
        'stage.at_risk': '流失风险', 'stage.churned': '已流失', 'stage.won_back': '已挽回',
        'status.active': '正常', 'status.inactive': '停用', 'status.closed': '已注销',
        'industry.manufacturing': '制造业', 'industry.trading': '贸易', 'industry.technology': '科技',
        'industry.logistics': '物流', 'industry.retail': '零售', 'industry.construction': '建筑',
        'industry.healthcare': '医疗健康', 'industry.energy': '能源', 'industry.agriculture': '农业',
        'industry.education': '教育',
        'region.shanghai': '上海', 'region.beijing': '北京', 'region.guangdong': '广东', 'region.zhejiang': '浙江',
        'region.jiangsu': '江苏', 'region.sichuan': '四川', 'region.hubei': '湖北', 'region.hong-kong': '香港',
        'region.singapore': '新加坡', 'region.london': '伦敦', 'region.frankfurt': '法兰克福',
        'channel.email': '邮件', 'channel.sms': '短信', 'channel.webchat': '网页聊天', 'channel.phone': '电话',
        'channel.visit': '拜访', 'channel.other': '其他',
        'direction.inbound': '呼入', 'direction.outbound': '呼出', 'direction.internal': '内部',
        'kind.contact': '联络', 'kind.complaint': '投诉', 'kind.note': '备注',
        'task.open': '待办', 'task.done': '已完成', 'task.cancelled': '已取消',
        'manager.none': '未分配', 'manager.me': '{name}（我）', 'manager.unknown': '用户 #{id}',
        'none': '—', 'yes': '是', 'no': '否',
        'export.failed': '导出失败：{message}',
    },
};

/** Merges a module's dictionaries with the shared labels (the module's win). */
export function withLabels(texts) {
    return { en: { ...LABELS.en, ...texts.en }, zh: { ...LABELS.zh, ...texts.zh } };
}

/** The label of an id in a family ('tier', 'stage', 'industry', ...), or the id itself when unknown. */
export function label(tr, family, id) {
    if (id === null || id === undefined || id === '') {
        return tr('none');
    }
    const key = `${family}.${id}`;
    const text = tr(key);
    return text === key ? String(id) : text;
}

const TIER_TONES = { core: 'badge-strong', key: 'badge-info', standard: '', prospect: '' };
const STAGE_TONES = { prospect: '', new: 'badge-info', repeat: 'badge-info', loyal: 'badge-ok', at_risk: 'badge-warn',
    churned: 'badge-danger', won_back: 'badge-purple' };
const STATUS_TONES = { active: 'badge-ok', inactive: 'badge-warn', closed: 'badge-danger' };

export function tierBadge(tr, tier) {
    return tier ? h('span', { class: `badge ${TIER_TONES[tier] || ''}`, 'data-tier': tier, text: label(tr, 'tier', tier) })
        : h('span', { class: 'muted', text: tr('none') });
}

export function stageBadge(tr, stage) {
    return stage ? h('span', { class: `badge ${STAGE_TONES[stage] || ''}`, 'data-stage': stage, text: label(tr, 'stage', stage) })
        : h('span', { class: 'muted', text: tr('none') });
}

export function statusBadge(tr, status) {
    return h('span', { class: `badge ${STATUS_TONES[status] || ''}`, text: label(tr, 'status', status) });
}

export function riskClass(risk) {
    if (risk === null || risk === undefined) {
        return '';
    }
    return risk >= 60 ? 'risk-high' : risk >= 40 ? 'risk-mid' : 'risk-low';
}

export function riskText(tr, risk) {
    return risk === null || risk === undefined ? h('span', { class: 'muted', text: tr('none') })
        : h('span', { class: `risk ${riskClass(risk)}`, text: String(risk) });
}

export function number(value, lang, options = {}) {
    if (value === null || value === undefined || value === '') {
        return '—';
    }
    return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', options).format(Number(value));
}

export function money(value, lang, currency = 'CNY') {
    if (value === null || value === undefined) {
        return '—';
    }
    try {
        return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { style: 'currency', currency, maximumFractionDigits: 0 })
            .format(Number(value));
    } catch (e) {
        return `${number(value, lang)} ${currency}`;
    }
}

/** A date (yyyy-mm-dd or ISO) as a short local date, or an em dash. */
export function day(value, lang) {
    if (!value) {
        return '—';
    }
    const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value);
    if (Number.isNaN(date.getTime())) {
        return String(value);
    }
    return date.toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium' });
}

export function today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const HAN = /[\u3400-\u9fff]/;

/**
 * Account management writes its reasons in both languages as "English / 中文": the half for the
 * given language, or the whole text when it is not of that form.
 */
export function oneLanguage(text, lang) {
    if (!text) {
        return text;
    }
    let at = text.indexOf(' / ');
    while (at >= 0) {
        const left = text.slice(0, at);
        const right = text.slice(at + 3);
        if (!HAN.test(left) && HAN.test(right)) {
            return lang === 'zh' ? right : left;
        }
        at = text.indexOf(' / ', at + 1);
    }
    return text;
}

export function hasRole(ctx, ...roles) {
    return (ctx.user.roles || []).some((r) => roles.includes(r));
}

let directory = null;

/**
 * The account managers, from account management (GET /api/v1/managers), cached for a minute.
 * Resolves to {available, items}: available is false when account management is not installed or
 * the caller may not list managers; the pages then show user ids.
 */
export function managers(api, fresh = false) {
    if (fresh || !directory || Date.now() - directory.at > 60000) {
        directory = { at: Date.now(), promise: api('/api/v1/managers').then((data) => ({ available: true, items: data.items || [] }),
            () => ({ available: false, items: [] })) };
    }
    return directory.promise;
}

/** A manager's name for display: "Unassigned", "{name} (you)", the display name, or "User #id". */
export function managerName(tr, ctx, list, id) {
    if (id === null || id === undefined || id === 0) {
        return tr('manager.none');
    }
    const found = (list || []).find((m) => Number(m.userId) === Number(id));
    const name = found ? (found.displayName || found.username) : null;
    if (Number(id) === Number(ctx.user.id)) {
        return tr('manager.me', { name: name || ctx.user.displayName || ctx.user.username });
    }
    return name || tr('manager.unknown', { id });
}

/**
 * Downloads a CSV (or any file) from a GET endpoint: fetched first so that an error shows the
 * server's message instead of saving an error page; then saved through a temporary link.
 */
export async function download(url, fallbackName) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/csv, application/json' } });
    if (!response.ok) {
        let text = `HTTP ${response.status}`;
        try {
            const body = await response.json();
            text = body.message || text;
        } catch (e) {
            // not JSON
        }
        throw new Error(text);
    }
    const blob = await response.blob();
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    const name = match ? decodeURIComponent(match[1]) : fallbackName;
    const link = h('a', { href: URL.createObjectURL(blob), download: name, hidden: true });
    document.body.append(link);
    link.click();
    setTimeout(() => {
        URL.revokeObjectURL(link.href);
        link.remove();
    }, 1000);
    return name;
}

/**
 * Saves rows (arrays of cells) as a UTF-8 CSV with a byte-order mark (so that Excel reads Chinese
 * right). Cells that a spreadsheet would run as a formula (= + - @ at the start) get a leading
 * apostrophe.
 */
export function saveCsv(rows, name) {
    const cell = (value) => {
        let text = value === null || value === undefined ? '' : String(value);
        if (/^[=+\-@\t\r]/.test(text)) {
            text = `'${text}`;
        }
        return `"${text.replace(/"/g, '""')}"`;
    };
    const csv = `\ufeff${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
    const link = h('a', { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })), download: name, hidden: true });
    document.body.append(link);
    link.click();
    setTimeout(() => {
        URL.revokeObjectURL(link.href);
        link.remove();
    }, 1000);
    return name;
}

/** Splits a comma, semicolon, Chinese comma or newline separated list; blanks dropped. */
export function list(text) {
    return String(text || '').split(/[,;，；、\n]/).map((s) => s.trim()).filter(Boolean);
}
