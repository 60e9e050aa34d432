// Shared by the account-management pages and cards: labels (tiers, stages, industries, products,
// seniority) in both languages, the overview and managers fetched once for all cards, and small
// helpers. Served by the accounts bundle, so it goes with it.
import { h } from '/console/dom.js';

export const TIERS = ['core', 'key', 'standard', 'prospect'];
export const STAGES = ['prospect', 'new', 'repeat', 'loyal', 'at_risk', 'churned', 'won_back'];
export const INDUSTRIES = ['manufacturing', 'trading', 'technology', 'logistics', 'retail', 'construction', 'healthcare',
    'energy', 'agriculture', 'education'];
export const PRODUCTS = ['online-banking', 'cash-management', 'payroll', 'fx', 'trade-finance', 'deposits', 'working-capital-loan'];

export const LABELS = {
    en: {
        'tier.core': 'Core', 'tier.key': 'Key', 'tier.standard': 'Standard', 'tier.prospect': 'Prospect',
        'stage.prospect': 'Prospect', 'stage.new': 'New', 'stage.repeat': 'Repeat', 'stage.loyal': 'Loyal',
        'stage.at_risk': 'At risk', 'stage.churned': 'Churned', 'stage.won_back': 'Won back',
        'industry.manufacturing': 'Manufacturing', 'industry.trading': 'Trading', 'industry.technology': 'Technology',
        'industry.logistics': 'Logistics', 'industry.retail': 'Retail', 'industry.construction': 'Construction',
        'industry.healthcare': 'Healthcare', 'industry.energy': 'Energy', 'industry.agriculture': 'Agriculture',
        'industry.education': 'Education',
        'product.online-banking': 'Online banking', 'product.cash-management': 'Cash management', 'product.payroll': 'Payroll',
        'product.fx': 'FX', 'product.trade-finance': 'Trade finance', 'product.deposits': 'Deposits',
        'product.working-capital-loan': 'Working capital loan',
        'seniority.1': 'Junior', 'seniority.2': 'Experienced', 'seniority.3': 'Senior',
        'manager.none': 'Unassigned', 'manager.unknown': 'User #{id}', 'none': '—',
    },
    zh: {
        'tier.core': '核心', 'tier.key': '重点', 'tier.standard': '普通', 'tier.prospect': '潜在',
        'stage.prospect': '潜在客户', 'stage.new': '新客户', 'stage.repeat': '复购客户', 'stage.loyal': '忠诚客户',
        'stage.at_risk': '流失风险', 'stage.churned': '已流失', 'stage.won_back': '已挽回',
        'industry.manufacturing': '制造业', 'industry.trading': '贸易', 'industry.technology': '科技',
        'industry.logistics': '物流', 'industry.retail': '零售', 'industry.construction': '建筑',
        'industry.healthcare': '医疗健康', 'industry.energy': '能源', 'industry.agriculture': '农业',
        'industry.education': '教育',
        'product.online-banking': '企业网银', 'product.cash-management': '现金管理', 'product.payroll': '代发工资',
        'product.fx': '外汇', 'product.trade-finance': '贸易融资', 'product.deposits': '对公存款',
        'product.working-capital-loan': '流动资金贷款',
        'seniority.1': '初级', 'seniority.2': '中级', 'seniority.3': '资深',
        'manager.none': '未分配', 'manager.unknown': '用户 #{id}', 'none': '—',
    },
};

export function withLabels(texts) {
    return { en: { ...LABELS.en, ...texts.en }, zh: { ...LABELS.zh, ...texts.zh } };
}

/** The label of an id in a family, or the id itself when unknown. */
export function label(tr, family, id) {
    if (id === null || id === undefined || id === '') {
        return tr('none');
    }
    const key = `${family}.${id}`;
    const text = tr(key);
    return text === key ? String(id) : text;
}

// shared with the records pages (the accounts pages only exist while the records bundle runs)
export { oneLanguage, hasRole } from '/records/common.js';

export function number(value, lang) {
    return value === null || value === undefined ? '—' : new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB').format(Number(value));
}

export function day(value, lang) {
    if (!value) {
        return '—';
    }
    const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value);
    return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium' });
}

/** Days from a yyyy-mm-dd date to today (positive when in the past). */
export function daysSince(date) {
    if (!date) {
        return 0;
    }
    const then = new Date(`${date}T00:00:00`);
    const now = new Date();
    now.setHours(0, 0, 0, 0);
    return Math.round((now - then) / 86400000);
}

const cache = new Map();

/** GET path, shared for a few seconds by every card and page that asks (the dashboard draws its cards at once). */
export function shared(api, path, seconds = 10) {
    const hit = cache.get(path);
    if (hit && Date.now() - hit.at < seconds * 1000) {
        return hit.promise;
    }
    const promise = api(path);
    cache.set(path, { at: Date.now(), promise });
    promise.catch(() => cache.delete(path));
    return promise;
}

export function forget(path) {
    cache.delete(path);
}

/** A manager's display name from a managers list, or "User #id" / "Unassigned". */
export function managerName(tr, list, id) {
    if (id === null || id === undefined || id === '' || Number(id) === 0) {
        return tr('manager.none');
    }
    const found = (list || []).find((m) => Number(m.userId) === Number(id));
    return found ? (found.displayName || found.username) : tr('manager.unknown', { id });
}

/** A small "label: value" figure line for cards. */
export function figures(...pairs) {
    return h('p', { class: 'card-figures' }, pairs.filter(Boolean).map(([text, value]) => h('span', {}, `${text} `, h('strong', { text: value }))));
}
