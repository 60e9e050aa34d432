// One client (#/client/{id}): profile (editable), contacts, timeline (add a note or a call),
// transactions, follow-up tasks, the account panel (value score and its parts, tier and its
// override, stage, churn risk and its reasons, manager with reassignment, follow-up cadence),
// the change history and likely duplicates with merge. Fields above the user's clearance come
// masked from the server: they are shown masked, left out of edits, and shown whole only through
// "Show whole values" with a reason (an audited unmask). Pages other bundles register with an id
// starting "contact-" and parent "clients" (e.g. the compliance bundle's consents and privacy page)
// are linked from each contact as #/<page id>/<contact id>.
import { h, replace, message, when } from '/console/dom.js';
import { field, formDialog } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { meter } from '/console/charts.js';
import {
    TIERS, STATUSES, INDUSTRIES, REGIONS, WRITERS, withLabels, label, tierBadge, stageBadge, statusBadge, riskText, riskClass,
    number, money, day, today, hasRole, managers, managerName, list, oneLanguage, LIST_KEY,
} from './common.js';

const TEXT = withLabels({
    en: {
        'back': '← All clients', 'missing': 'There is no client #{id}, or it was merged into another one.', 'bad.id': 'No client given.',
        'masked': 'masked', 'masked.hint': 'Masked for your role: unmask it to see or change it.', 'unmask': 'Show whole values',
        'unmask.label': 'Show the whole values of {name}', 'unmask.title': 'Show whole values of {name}',
        'unmask.reason': 'Reason (recorded in the audit log)', 'unmask.done': 'Whole values shown; your reason was recorded.',
        'profile': 'Profile', 'edit': 'Edit', 'edit.title': 'Edit {name}', 'saved': 'Saved.',
        'f.name': 'Company name', 'f.registrationNo': 'Registration number', 'f.industry': 'Industry', 'f.region': 'Region',
        'f.annualRevenue': 'Annual revenue (CNY)', 'f.employees': 'Employees', 'f.tags': 'Tags', 'f.tags.hint': 'Separated by commas.',
        'f.status': 'Status', 'f.created': 'Created', 'f.updated': 'Updated',
        'contacts': 'Contacts', 'contacts.none': 'No contacts yet.', 'contact.add': 'Add contact', 'contact.edit': 'Edit',
        'contact.edit.label': 'Edit {name}', 'contact.delete': 'Delete', 'contact.delete.label': 'Delete {name}',
        'contact.delete.confirm': 'Delete the contact {name}?', 'contact.deleted': 'Contact {name} deleted.',
        'contact.saved': 'Contact {name} saved.', 'c.name': 'Name', 'c.title': 'Job title', 'c.emails': 'Email addresses',
        'c.phones': 'Phone numbers', 'c.list.hint': 'One per line; the first is the main one.', 'c.channel': 'Preferred channel',
        'c.language': 'Language', 'c.language.auto': 'Guess from the name', 'lang.zh': 'Chinese', 'lang.en': 'English',
        'timeline': 'Timeline', 'timeline.none': 'No interactions yet.', 'note.add': 'Add note', 'call.add': 'Log call',
        'visit.add': 'Log visit', 'i.summary': 'Summary', 'i.contact': 'Contact', 'i.contact.none': 'No particular contact',
        'i.when': 'When', 'i.added': 'Added to the timeline.', 'more': 'Show more', 'by': 'by {name}', 'with': 'with {name}',
        'transactions': 'Transactions', 'transactions.none': 'No transactions yet.', 't.date': 'Date', 't.amount': 'Amount',
        't.product': 'Product', 't.reference': 'Reference',
        'tasks': 'Follow-up tasks', 'tasks.none': 'No open follow-up tasks.', 'task.add': 'Add follow-up', 'task.title': 'What to do',
        'task.due': 'Due', 'task.owner': 'Owner', 'task.contact': 'Contact', 'task.done.button': 'Mark done',
        'task.done.label': 'Mark "{title}" done', 'task.doneMsg': '"{title}" is done.', 'task.added': 'Follow-up "{title}" added.',
        'task.overdue': 'overdue', 'tasks.closed': 'Done or cancelled ({n})', 'task.due.on': 'due {date}',
        'account': 'Account', 'account.unavailable': 'Account management is not available: the standing is shown as last recorded.',
        'value': 'Value score', 'value.parts': 'How the value score is made up', 'tier.title': 'Tier', 'stage.title': 'Stage',
        'risk': 'Churn risk', 'risk.reasons': 'Main reasons', 'manager': 'Account manager', 'reassign': 'Reassign…',
        'reassign.title': 'Reassign {name}', 'reassign.manager': 'New manager', 'reassign.reason': 'Reason',
        'reassign.reason.hint': 'Required; kept in the history.', 'reassign.submit': 'Reassign', 'reassign.choose': 'Choose a manager',
        'reassign.reason.missing': 'Give a reason.', 'reassigned': '{client} is now managed by {name}.',
        'reassign.option': '{name} — {load} / {capacity}', 'reassign.over': '{name} — {load} / {capacity}, over capacity',
        'override': 'Override tier…', 'override.title': 'Set the tier of {name} by hand', 'override.tier': 'Tier',
        'override.reason': 'Reason', 'override.expires': 'Until (inclusive, optional)', 'override.submit': 'Set tier',
        'override.clear': 'Clear override', 'override.cleared': 'The tier is computed again.', 'override.set': 'Tier set to {tier}.',
        'override.active': 'Set by hand: {tier}', 'override.until': 'until {date}', 'override.forever': 'no end date',
        'override.reason.missing': 'Give a reason.', 'followup': 'Follow-up', 'last.contact': 'Last contact',
        'next.followup': 'Next follow-up', 'overdue.days': 'Overdue by {n} days', 'on.time': 'On time',
        'computed': 'Computed {when}', 'recompute': 'Recompute', 'recomputed': 'Scores recomputed.', 'changes': 'Account changes',
        'change.tier': 'Tier', 'change.stage': 'Stage', 'change.manager': 'Manager',
        'history': 'History', 'history.none': 'No changes recorded yet.', 'history.system': 'System',
        'history.reason': 'Reason: {reason}', 'history.empty': '(empty)',
        'duplicates': 'Possible duplicates', 'duplicates.none': 'No likely duplicates.', 'merge': 'Merge into this client',
        'merge.label': 'Merge {name} into this client', 'merge.confirm': 'Merge {name} into {target}? Its contacts and timeline move here and it disappears from lists.',
        'merged': '{name} was merged into this client.',
        'dup.reason.registrationNo': 'same registration number', 'dup.reason.name': 'same name', 'dup.reason.email': 'same contact email',
        'dup.reason.phone': 'same contact phone',
        'entity.client': '', 'entity.contact': 'Contact', 'entity.task': 'Task',
        'field.name': 'Name', 'field.registrationNo': 'Registration number', 'field.industry': 'Industry', 'field.region': 'Region',
        'field.annualRevenue': 'Annual revenue', 'field.employees': 'Employees', 'field.tags': 'Tags', 'field.status': 'Status',
        'field.tier': 'Tier', 'field.stage': 'Stage', 'field.managerId': 'Manager', 'field.created': 'Created', 'field.deleted': 'Deleted',
        'field.merged': 'Merged', 'field.title': 'Title', 'field.emails': 'Emails', 'field.phones': 'Phones', 'field.due': 'Due',
        'field.ownerId': 'Owner', 'field.preferredChannel': 'Preferred channel', 'field.language': 'Language', 'field.timeZone': 'Time zone',
        'field.contactId': 'Contact',
    },
    zh: {
        'back': '← 全部客户', 'missing': '客户 #{id} 不存在，或已合并到其他客户。', 'bad.id': '未指定客户。',
        'masked': '已脱敏', 'masked.hint': '您的角色只能看到脱敏值：解除脱敏后才能查看或修改。', 'unmask': '查看完整信息',
        'unmask.label': '查看 {name} 的完整信息', 'unmask.title': '查看 {name} 的完整信息',
        'unmask.reason': '原因（记入审计日志）', 'unmask.done': '已显示完整信息，原因已记录。',
        'profile': '基本信息', 'edit': '编辑', 'edit.title': '编辑 {name}', 'saved': '已保存。',
        'f.name': '公司名称', 'f.registrationNo': '注册号', 'f.industry': '行业', 'f.region': '地区',
        'f.annualRevenue': '年营业额（元）', 'f.employees': '员工人数', 'f.tags': '标签', 'f.tags.hint': '用逗号分隔。',
        'f.status': '状态', 'f.created': '创建时间', 'f.updated': '更新时间',
        'contacts': '联系人', 'contacts.none': '暂无联系人。', 'contact.add': '添加联系人', 'contact.edit': '编辑',
        'contact.edit.label': '编辑 {name}', 'contact.delete': '删除', 'contact.delete.label': '删除 {name}',
        'contact.delete.confirm': '删除联系人 {name}？', 'contact.deleted': '已删除联系人 {name}。',
        'contact.saved': '已保存联系人 {name}。', 'c.name': '姓名', 'c.title': '职务', 'c.emails': '邮箱',
        'c.phones': '电话', 'c.list.hint': '每行一个，第一个为主要联系方式。', 'c.channel': '首选渠道',
        'c.language': '语言', 'c.language.auto': '按姓名判断', 'lang.zh': '中文', 'lang.en': '英文',
        'timeline': '互动记录', 'timeline.none': '暂无互动记录。', 'note.add': '添加备注', 'call.add': '记录通话',
        'visit.add': '记录拜访', 'i.summary': '摘要', 'i.contact': '联系人', 'i.contact.none': '不指定联系人',
        'i.when': '时间', 'i.added': '已添加到互动记录。', 'more': '显示更多', 'by': '经办：{name}', 'with': '联系人：{name}',
        'transactions': '交易', 'transactions.none': '暂无交易。', 't.date': '日期', 't.amount': '金额',
        't.product': '产品', 't.reference': '参考号',
        'tasks': '跟进任务', 'tasks.none': '暂无待办跟进任务。', 'task.add': '添加跟进', 'task.title': '任务内容',
        'task.due': '截止日期', 'task.owner': '负责人', 'task.contact': '联系人', 'task.done.button': '标记完成',
        'task.done.label': '将“{title}”标记为完成', 'task.doneMsg': '“{title}”已完成。', 'task.added': '已添加跟进“{title}”。',
        'task.overdue': '已逾期', 'tasks.closed': '已完成或已取消（{n}）', 'task.due.on': '截止 {date}',
        'account': '客户经营', 'account.unavailable': '客户经营模块不可用：显示的是最近记录的状态。',
        'value': '价值评分', 'value.parts': '价值评分构成', 'tier.title': '分层', 'stage.title': '阶段',
        'risk': '流失风险', 'risk.reasons': '主要原因', 'manager': '客户经理', 'reassign': '重新分配…',
        'reassign.title': '重新分配 {name}', 'reassign.manager': '新的客户经理', 'reassign.reason': '原因',
        'reassign.reason.hint': '必填，记录在变更历史中。', 'reassign.submit': '重新分配', 'reassign.choose': '请选择客户经理',
        'reassign.reason.missing': '请填写原因。', 'reassigned': '{client} 现由 {name} 负责。',
        'reassign.option': '{name} — {load} / {capacity}', 'reassign.over': '{name} — {load} / {capacity}，已超负荷',
        'override': '手动设置分层…', 'override.title': '手动设置 {name} 的分层', 'override.tier': '分层',
        'override.reason': '原因', 'override.expires': '有效期至（含当天，可选）', 'override.submit': '设置分层',
        'override.clear': '取消手动分层', 'override.cleared': '分层将重新自动计算。', 'override.set': '分层已设为 {tier}。',
        'override.active': '手动设置：{tier}', 'override.until': '有效期至 {date}', 'override.forever': '长期有效',
        'override.reason.missing': '请填写原因。', 'followup': '跟进', 'last.contact': '最近联系',
        'next.followup': '下次跟进', 'overdue.days': '已逾期 {n} 天', 'on.time': '未逾期',
        'computed': '计算于 {when}', 'recompute': '重新计算', 'recomputed': '已重新计算评分。', 'changes': '经营变更',
        'change.tier': '分层', 'change.stage': '阶段', 'change.manager': '客户经理',
        'history': '变更历史', 'history.none': '暂无变更记录。', 'history.system': '系统',
        'history.reason': '原因：{reason}', 'history.empty': '（空）',
        'duplicates': '疑似重复', 'duplicates.none': '未发现疑似重复客户。', 'merge': '合并到此客户',
        'merge.label': '将 {name} 合并到此客户', 'merge.confirm': '将 {name} 合并到 {target}？其联系人和互动记录将转到这里，它将不再出现在列表中。',
        'merged': '已将 {name} 合并到此客户。',
        'dup.reason.registrationNo': '注册号相同', 'dup.reason.name': '名称相同', 'dup.reason.email': '联系人邮箱相同',
        'dup.reason.phone': '联系人电话相同',
        'entity.client': '', 'entity.contact': '联系人', 'entity.task': '任务',
        'field.name': '名称', 'field.registrationNo': '注册号', 'field.industry': '行业', 'field.region': '地区',
        'field.annualRevenue': '年营业额', 'field.employees': '员工人数', 'field.tags': '标签', 'field.status': '状态',
        'field.tier': '分层', 'field.stage': '阶段', 'field.managerId': '客户经理', 'field.created': '创建', 'field.deleted': '删除',
        'field.merged': '合并', 'field.title': '职务', 'field.emails': '邮箱', 'field.phones': '电话', 'field.due': '截止日期',
        'field.ownerId': '负责人', 'field.preferredChannel': '首选渠道', 'field.language': '语言', 'field.timeZone': '时区',
        'field.contactId': '联系人',
    },
});

const CONTACT_CHANNELS = ['email', 'sms', 'webchat', 'phone'];
const ENTRY_KINDS = {
    note: { channel: 'other', direction: 'internal', kind: 'note' },
    call: { channel: 'phone', direction: 'outbound', kind: 'contact' },
    visit: { channel: 'visit', direction: 'outbound', kind: 'contact' },
};

export async function render(container, ctx) {
    const { api, lang, announce } = ctx;
    const tr = translator(TEXT, lang);
    const id = /^\d+$/.test(ctx.params[0] || '') ? Number(ctx.params[0]) : 0;
    const canWrite = hasRole(ctx, ...WRITERS);
    const canManage = hasRole(ctx, 'admin', 'manager');
    let backHash = '#/clients';
    try {
        backHash = sessionStorage.getItem(LIST_KEY) || backHash;
    } catch (e) {
        // storage disabled
    }
    const back = h('a', { class: 'back-link', href: backHash, text: tr('back') });
    if (!id) {
        replace(container, back, message('error', tr('bad.id')));
        return;
    }
    const base = `/api/v1/clients/${id}`;
    const status = h('div', { class: 'page-messages', 'aria-live': 'polite' });
    function show(kind, text) {
        replace(status, message(kind, text));
        if (kind !== 'error') {
            announce(text);
        }
    }
    async function attempt(action) {
        try {
            await action();
        } catch (e) {
            show('error', e.message);
        }
    }

    let client;
    try {
        client = await api(base);
    } catch (e) {
        replace(container, back, message('error', e.status === 404 ? tr('missing', { id }) : e.message));
        return;
    }
    let directory = await managers(api);
    let contacts = [];
    let contactPages = [];
    try {
        contactPages = ((await api('/api/v1/console/pages')).items || []).filter((p) => p.parent === 'clients' && p.id.startsWith('contact-'));
    } catch (e) {
        // no contributed contact pages
    }
    const isMasked = (record, name) => (record.masked || []).includes(name);
    const maskedBadge = () => h('span', { class: 'badge badge-purple', title: tr('masked.hint'), text: tr('masked') });

    const head = h('div', { class: 'detail-head' });
    const sections = {};
    const panel = (key, titleKey) => {
        const titleId = `client-${key}-title`;
        const actions = h('div', { class: 'row-actions' });
        const content = h('div', { class: 'panel-content' });
        const section = h('section', { class: 'panel', 'aria-labelledby': titleId, 'data-section': key },
            h('div', { class: 'panel-head' }, h('h2', { id: titleId, class: 'section-title', text: tr(titleKey) }), actions), content);
        sections[key] = { section, actions, content };
        return section;
    };
    replace(container, back, status, head, h('div', { class: 'detail-grid' },
        h('div', {}, panel('profile', 'profile'), panel('contacts', 'contacts'), panel('timeline', 'timeline'),
            panel('transactions', 'transactions'), panel('history', 'history')),
        h('div', {}, panel('account', 'account'), panel('tasks', 'tasks'), panel('duplicates', 'duplicates'))));

    /** After a change redrew the control that had focus, focus goes to the section's heading instead of being lost. */
    function refocus(key) {
        const active = document.activeElement;
        if (!active || active === document.body || !active.isConnected) {
            const heading = sections[key].section.querySelector('h2');
            heading.setAttribute('tabindex', '-1');
            heading.focus();
        }
    }

    // --- head and profile ---
    function drawHead() {
        document.title = `${client.name} · Rapport`;
        const standing = client.standing || {};
        replace(head, h('div', {},
            h('h2', { class: 'client-name', text: client.name }),
            client.tags && client.tags.length ? h('div', { class: 'small muted' }, client.tags.map((tag) => h('span', { class: 'tag', text: tag })), ' ') : null),
        h('div', { class: 'badges' }, statusBadge(tr, client.status),
            h('span', { class: 'badge-caption', text: tr('tier.title') }), tierBadge(tr, standing.tier),
            h('span', { class: 'badge-caption', text: tr('stage.title') }), stageBadge(tr, standing.stage)));
    }

    function drawProfile() {
        const { actions, content } = sections.profile;
        replace(actions, canWrite ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('edit'), onClick: editProfile }) : null);
        const row = (key, value) => [h('dt', { text: tr(key) }), h('dd', {}, value)];
        replace(content, h('dl', { class: 'kv' },
            row('f.registrationNo', [h('span', { class: 'mono', text: client.registrationNo || '—' }),
                isMasked(client, 'registrationNo') ? [' ', maskedBadge()] : null]),
            row('f.industry', label(tr, 'industry', client.industry)),
            row('f.region', label(tr, 'region', client.region)),
            row('f.annualRevenue', isMasked(client, 'annualRevenue') ? maskedBadge() : money(client.annualRevenue, lang)),
            row('f.employees', isMasked(client, 'employees') ? maskedBadge() : number(client.employees, lang)),
            row('f.tags', client.tags && client.tags.length ? client.tags.join(', ') : '—'),
            row('f.status', statusBadge(tr, client.status)),
            row('f.created', when(client.createdAt, lang)),
            row('f.updated', when(client.updatedAt, lang))));
    }

    const idOptions = (values, family, current) => {
        const all = current && !values.includes(current) ? [...values, current] : values;
        return [h('option', { value: '', text: tr('none') }),
            ...all.map((v) => h('option', { value: v, text: label(tr, family, v), selected: v === current }))];
    };

    async function editProfile() {
        const locked = (name) => (isMasked(client, name) ? { disabled: true, title: tr('masked.hint') } : {});
        await formDialog({
            title: tr('edit.title', { name: client.name }), submitLabel: tr('common.save'), cancelLabel: tr('common.cancel'), wide: true,
            body: [field(tr('f.name'), { name: 'name', required: true, maxlength: 200, value: client.name }),
                field(tr('f.registrationNo'), { name: 'registrationNo', maxlength: 40, value: client.registrationNo || '', ...locked('registrationNo') },
                    isMasked(client, 'registrationNo') ? tr('masked.hint') : null),
                h('div', { class: 'field-row' },
                    field(tr('f.industry'), { tag: 'select', name: 'industry', children: idOptions(INDUSTRIES, 'industry', client.industry) }),
                    field(tr('f.region'), { tag: 'select', name: 'region', children: idOptions(REGIONS, 'region', client.region) })),
                h('div', { class: 'field-row' },
                    field(tr('f.annualRevenue'), { name: 'annualRevenue', type: 'number', min: 0, step: 'any', value: client.annualRevenue ?? '',
                        ...locked('annualRevenue') }),
                    field(tr('f.employees'), { name: 'employees', type: 'number', min: 0, step: 1, value: client.employees ?? '', ...locked('employees') })),
                field(tr('f.tags'), { name: 'tags', value: (client.tags || []).join(', ') }, tr('f.tags.hint')),
                field(tr('f.status'), { tag: 'select', name: 'status', children: STATUSES.map((s) => h('option', { value: s,
                    text: label(tr, 'status', s), selected: s === client.status })) })],
            onSubmit: async (f) => {
                const v = (name) => f.elements[name].value.trim();
                const json = { name: v('name'), registrationNo: v('registrationNo') || null,
                    industry: v('industry') || null, region: v('region') || null,
                    annualRevenue: v('annualRevenue') ? Number(v('annualRevenue')) : null, employees: v('employees') ? Number(v('employees')) : null,
                    tags: list(v('tags')), status: v('status') };
                (client.masked || []).forEach((name) => delete json[name]);
                client = await api(base, { method: 'PATCH', json });
                show('success', tr('saved'));
            },
        });
        drawHead();
        drawProfile();
        refocus('profile');
        loadHistory(true);
    }

    // --- contacts ---
    async function loadContacts() {
        const { actions, content } = sections.contacts;
        replace(actions, canWrite ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('contact.add'),
            onClick: () => editContact(null) }) : null);
        try {
            contacts = (await api(`${base}/contacts`)).items || [];
        } catch (e) {
            replace(content, message('error', e.message));
            return;
        }
        replace(content, contacts.length ? h('ul', { class: 'plain-list' }, contacts.map(contactItem))
            : h('p', { class: 'muted', text: tr('contacts.none') }));
    }

    function contactItem(c) {
        const links = [
            ...(c.emails || []).map((e) => (isMasked(c, 'emails') ? h('span', { class: 'masked-value', text: e }) : h('a', { href: `mailto:${e}`, text: e }))),
            ...(c.phones || []).map((p) => (isMasked(c, 'phones') ? h('span', { class: 'masked-value', text: p }) : h('a', { href: `tel:${p}`, text: p }))),
        ];
        const extensions = contactPages.map((page) => h('a', { href: `#/${page.id}/${c.id}`, 'data-contact-page': page.id,
            text: (page.labels && (page.labels[lang] || page.labels.en)) || page.id }));
        return h('li', { 'data-contact': c.id },
            h('div', { class: 'item-head' },
                h('div', {}, h('strong', { text: c.name }), c.title ? h('span', { class: 'muted', text: ` · ${c.title}` }) : null,
                    (c.masked || []).length ? [' ', maskedBadge()] : null),
                canWrite ? h('div', { class: 'row-actions' },
                    (c.masked || []).length ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('unmask'),
                        'aria-label': tr('unmask.label', { name: c.name }), 'data-unmask': c.id, onClick: () => unmaskContact(c) }) : null,
                    h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('contact.edit'),
                        'aria-label': tr('contact.edit.label', { name: c.name }), onClick: () => editContact(c) }),
                    h('button', { type: 'button', class: 'btn btn-small btn-danger', text: tr('contact.delete'),
                        'aria-label': tr('contact.delete.label', { name: c.name }), onClick: () => deleteContact(c) })) : null),
            links.length ? h('div', { class: 'small' }, links.flatMap((link, i) => (i ? [' · ', link] : [link]))) : null,
            h('div', { class: 'item-meta', text: [c.preferredChannel ? label(tr, 'channel', c.preferredChannel) : null,
                c.language ? tr(`lang.${c.language}`) : null, c.timeZone].filter(Boolean).join(' · ') }),
            extensions.length ? h('div', { class: 'small' }, extensions.flatMap((link, i) => (i ? [' · ', link] : [link]))) : null);
    }

    async function unmaskContact(c) {
        await formDialog({
            title: tr('unmask.title', { name: c.name }), submitLabel: tr('unmask'), cancelLabel: tr('common.cancel'),
            body: [field(tr('unmask.reason'), { tag: 'textarea', name: 'reason', rows: 2, required: true, maxlength: 500 })],
            onSubmit: async (f) => {
                const answer = await api(`/api/v1/contacts/${c.id}/unmask`, { json: { fields: c.masked, reason: f.elements.reason.value.trim() } });
                const index = contacts.findIndex((x) => x.id === c.id);
                const whole = { ...c, ...answer.fields, masked: [] };
                contacts[index] = whole;
                sections.contacts.content.querySelector(`[data-contact="${c.id}"]`).replaceWith(contactItem(whole));
                show('success', tr('unmask.done'));
            },
        });
        refocus('contacts');
    }

    async function editContact(c) {
        const locked = (name) => (c && isMasked(c, name) ? { disabled: true, title: tr('masked.hint') } : {});
        await formDialog({
            title: c ? tr('contact.edit.label', { name: c.name }) : tr('contact.add'), submitLabel: tr('common.save'),
            cancelLabel: tr('common.cancel'), wide: true,
            body: [h('div', { class: 'field-row' },
                field(tr('c.name'), { name: 'name', required: true, maxlength: 200, value: c ? c.name : '' }),
                field(tr('c.title'), { name: 'title', maxlength: 200, value: c ? c.title || '' : '' })),
            h('div', { class: 'field-row' },
                field(tr('c.emails'), { tag: 'textarea', name: 'emails', rows: 2, value: c ? c.emails.join('\n') : '', ...locked('emails') },
                    c && isMasked(c, 'emails') ? tr('masked.hint') : tr('c.list.hint')),
                field(tr('c.phones'), { tag: 'textarea', name: 'phones', rows: 2, value: c ? c.phones.join('\n') : '', ...locked('phones') },
                    c && isMasked(c, 'phones') ? tr('masked.hint') : tr('c.list.hint'))),
            h('div', { class: 'field-row' },
                field(tr('c.channel'), { tag: 'select', name: 'preferredChannel', children: [h('option', { value: '', text: tr('none') }),
                    ...CONTACT_CHANNELS.map((ch) => h('option', { value: ch, text: label(tr, 'channel', ch), selected: c && c.preferredChannel === ch }))] }),
                field(tr('c.language'), { tag: 'select', name: 'language', children: [h('option', { value: '', text: tr('c.language.auto') }),
                    ...['zh', 'en'].map((l) => h('option', { value: l, text: tr(`lang.${l}`), selected: c && c.language === l }))] }))],
            onSubmit: async (f) => {
                const v = (name) => f.elements[name].value.trim();
                const json = { name: v('name'), title: v('title') || null, emails: list(v('emails')), phones: list(v('phones')),
                    preferredChannel: v('preferredChannel') || null, language: v('language') || null };
                ((c && c.masked) || []).forEach((name) => delete json[name]);
                const saved = c ? await api(`/api/v1/contacts/${c.id}`, { method: 'PATCH', json })
                    : await api(`${base}/contacts`, { json });
                show('success', tr('contact.saved', { name: saved.name }));
            },
        });
        await Promise.all([loadContacts(), loadHistory(true), loadDuplicates()]);
        refocus('contacts');
    }

    async function deleteContact(c) {
        if (!window.confirm(tr('contact.delete.confirm', { name: c.name }))) {
            return;
        }
        await attempt(async () => {
            await api(`/api/v1/contacts/${c.id}`, { method: 'DELETE' });
            show('success', tr('contact.deleted', { name: c.name }));
        });
        await Promise.all([loadContacts(), loadHistory(true)]);
        refocus('contacts');
    }

    // --- timeline ---
    const timeline = { page: 1, items: [], total: 0 };
    async function loadTimeline(reset) {
        const { actions, content } = sections.timeline;
        if (reset) {
            timeline.page = 1;
            timeline.items = [];
        }
        replace(actions, canWrite ? ['note', 'call', 'visit'].map((kind) => h('button', { type: 'button', class: 'btn btn-small btn-secondary',
            text: tr(`${kind}.add`), onClick: () => addEntry(kind) })) : null);
        try {
            const data = await api(`${base}/interactions?page=${timeline.page}&size=15`);
            timeline.items.push(...(data.items || []));
            timeline.total = data.total || 0;
        } catch (e) {
            replace(content, message('error', e.message));
            return;
        }
        replace(content, timeline.items.length ? h('ul', { class: 'plain-list timeline' }, timeline.items.map(entryItem))
            : h('p', { class: 'muted', text: tr('timeline.none') }),
        timeline.items.length < timeline.total ? h('button', { type: 'button', class: 'btn btn-small btn-ghost', text: tr('more'), onClick: () => {
            timeline.page += 1;
            loadTimeline(false);
        } }) : null);
    }

    function entryItem(i) {
        const contact = contacts.find((c) => c.id === i.contactId);
        const dot = i.kind === 'complaint' ? 'dot-down' : i.kind === 'note' ? 'dot-degraded' : 'dot-up';
        return h('li', { 'data-interaction': i.id },
            h('span', { class: `dot ${dot}`, 'aria-hidden': 'true' }),
            h('div', {},
                h('div', { class: 'item-head' },
                    h('span', {}, h('strong', { text: label(tr, 'channel', i.channel) }),
                        ` · ${label(tr, 'direction', i.direction)} `,
                        i.kind && i.kind !== 'contact' ? h('span', { class: `badge ${i.kind === 'complaint' ? 'badge-danger' : ''}`, text: label(tr, 'kind', i.kind) }) : null),
                    h('span', { class: 'item-meta', text: when(i.occurredAt, lang) })),
                h('p', { class: 'wrap', text: i.summary }),
                h('div', { class: 'item-meta', text: [i.staffName ? tr('by', { name: i.staffName }) : null,
                    contact ? tr('with', { name: contact.name }) : null].filter(Boolean).join(' · ') })));
    }

    function localNow() {
        const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);
        return d.toISOString().slice(0, 16);
    }

    async function addEntry(kind) {
        await formDialog({
            title: tr(`${kind}.add`), submitLabel: tr('common.save'), cancelLabel: tr('common.cancel'), wide: true,
            body: [field(tr('i.summary'), { tag: 'textarea', name: 'summary', required: true, rows: 4, maxlength: 2000 }),
                h('div', { class: 'field-row' },
                    field(tr('i.contact'), { tag: 'select', name: 'contactId', children: [h('option', { value: '', text: tr('i.contact.none') }),
                        ...contacts.map((c) => h('option', { value: String(c.id), text: c.name }))] }),
                    field(tr('i.when'), { name: 'occurredAt', type: 'datetime-local', value: localNow(), max: localNow() }))],
            onSubmit: async (f) => {
                const at = f.elements.occurredAt.value;
                await api(`${base}/interactions`, { json: { ...ENTRY_KINDS[kind], summary: f.elements.summary.value.trim(),
                    contactId: f.elements.contactId.value ? Number(f.elements.contactId.value) : null,
                    staffId: ctx.user.id, staffName: ctx.user.displayName || ctx.user.username,
                    occurredAt: at ? new Date(at).toISOString() : null } });
                show('success', tr('i.added'));
            },
        });
        await loadTimeline(true);
        refocus('timeline');
    }

    // --- transactions ---
    const txs = { page: 1, items: [], total: 0 };
    async function loadTransactions(reset) {
        const { content } = sections.transactions;
        if (reset) {
            txs.page = 1;
            txs.items = [];
        }
        try {
            const data = await api(`${base}/transactions?page=${txs.page}&size=10`);
            txs.items.push(...(data.items || []));
            txs.total = data.total || 0;
        } catch (e) {
            replace(content, message('error', e.message));
            return;
        }
        if (!txs.items.length) {
            replace(content, h('p', { class: 'muted', text: tr('transactions.none') }));
            return;
        }
        replace(content, h('div', { class: 'table-wrap' }, h('table', { class: 'data-table all-cols' },
            h('caption', { class: 'visually-hidden', text: tr('transactions') }),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: tr('t.date') }), h('th', { scope: 'col', class: 'num-wide', text: tr('t.amount') }),
                h('th', { scope: 'col', text: tr('t.product') }), h('th', { scope: 'col', class: 'hide-phone', text: tr('t.reference') }))),
            h('tbody', {}, txs.items.map((x) => h('tr', {},
                h('td', { text: day(x.date, lang) }),
                h('td', { class: 'num-wide', text: money(x.amount, lang, x.currency || 'CNY') }),
                h('td', { text: x.product || '—' }),
                h('td', { class: 'mono hide-phone', text: x.reference || '—' })))))),
        txs.items.length < txs.total ? h('button', { type: 'button', class: 'btn btn-small btn-ghost', text: tr('more'), onClick: () => {
            txs.page += 1;
            loadTransactions(false);
        } }) : null);
    }

    // --- tasks ---
    async function loadTasks() {
        const { actions, content } = sections.tasks;
        replace(actions, canWrite ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('task.add'), onClick: addTask }) : null);
        let tasks;
        try {
            tasks = (await api(`${base}/tasks`)).items || [];
        } catch (e) {
            replace(content, message('error', e.message));
            return;
        }
        const open = tasks.filter((x) => x.status === 'open').sort((a, b) => String(a.due).localeCompare(String(b.due)));
        const closed = tasks.filter((x) => x.status !== 'open');
        replace(content,
            open.length ? h('ul', { class: 'plain-list' }, open.map(taskItem)) : h('p', { class: 'muted', text: tr('tasks.none') }),
            closed.length ? h('details', { class: 'chart-data' }, h('summary', { text: tr('tasks.closed', { n: closed.length }) }),
                h('ul', { class: 'plain-list' }, closed.map(taskItem))) : null);
    }

    function taskItem(x) {
        const overdue = x.status === 'open' && x.due && x.due < today();
        return h('li', { 'data-task': x.id },
            h('div', { class: 'item-head' },
                h('span', { class: x.status === 'open' ? '' : 'muted', text: x.title }),
                x.status === 'open' && canWrite ? h('div', { class: 'row-actions' }, h('button', { type: 'button', class: 'btn btn-small btn-secondary',
                    text: tr('task.done.button'), 'aria-label': tr('task.done.label', { title: x.title }), onClick: () => completeTask(x) })) : null),
            h('div', { class: 'item-meta' },
                x.status === 'open' ? tr('task.due.on', { date: day(x.due, lang) }) : label(tr, 'task', x.status),
                overdue ? [' ', h('span', { class: 'badge badge-danger', text: tr('task.overdue') })] : null,
                x.ownerId ? ` · ${managerName(tr, ctx, directory.items, x.ownerId)}` : null));
    }

    async function completeTask(x) {
        await attempt(async () => {
            await api(`/api/v1/tasks/${x.id}`, { method: 'PATCH', json: { status: 'done' } });
            show('success', tr('task.doneMsg', { title: x.title }));
        });
        await Promise.all([loadTasks(), loadHistory(true)]);
        refocus('tasks');
    }

    async function addTask() {
        const due = new Date(Date.now() + 7 * 86400000);
        const pad = (n) => String(n).padStart(2, '0');
        const owners = directory.items.length ? directory.items : [];
        const ownerOptions = [h('option', { value: String(ctx.user.id), text: managerName(tr, ctx, owners, ctx.user.id) }),
            ...owners.filter((m) => Number(m.userId) !== Number(ctx.user.id)).map((m) => h('option', { value: String(m.userId),
                text: m.displayName || m.username }))];
        await formDialog({
            title: tr('task.add'), submitLabel: tr('common.save'), cancelLabel: tr('common.cancel'),
            body: [field(tr('task.title'), { name: 'title', required: true, maxlength: 200 }),
                field(tr('task.due'), { name: 'due', type: 'date', required: true, min: today(),
                    value: `${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}` }),
                field(tr('task.owner'), { tag: 'select', name: 'ownerId', children: ownerOptions }),
                field(tr('task.contact'), { tag: 'select', name: 'contactId', children: [h('option', { value: '', text: tr('i.contact.none') }),
                    ...contacts.map((c) => h('option', { value: String(c.id), text: c.name }))] })],
            onSubmit: async (f) => {
                const task = await api(`${base}/tasks`, { json: { title: f.elements.title.value.trim(), due: f.elements.due.value || null,
                    ownerId: Number(f.elements.ownerId.value) || null,
                    contactId: f.elements.contactId.value ? Number(f.elements.contactId.value) : null } });
                show('success', tr('task.added', { title: task.title }));
            },
        });
        await Promise.all([loadTasks(), loadHistory(true)]);
        refocus('tasks');
    }

    // --- account ---
    async function loadAccount() {
        const { actions, content } = sections.account;
        replace(actions);
        let account = null;
        try {
            account = await api(`/api/v1/accounts/${id}`);
        } catch (e) {
            if (![403, 404].includes(e.status)) {
                replace(content, message('error', e.message));
                return;
            }
        }
        if (!account) {
            replace(content, standingOnly());
            return;
        }
        if (canManage) {
            replace(actions, h('button', { type: 'button', class: 'btn btn-small btn-ghost', text: tr('recompute'), onClick: recompute }));
        }
        replace(content, accountView(account));
    }

    function standingOnly() {
        const s = client.standing || {};
        return [h('p', { class: 'muted small', text: tr('account.unavailable') }),
            h('dl', { class: 'kv' },
                h('dt', { text: tr('value') }), h('dd', { text: s.valueScore ?? '—' }),
                h('dt', { text: tr('tier.title') }), h('dd', {}, tierBadge(tr, s.tier)),
                h('dt', { text: tr('stage.title') }), h('dd', {}, stageBadge(tr, s.stage)),
                h('dt', { text: tr('risk') }), h('dd', {}, riskText(tr, s.churnRisk)),
                h('dt', { text: tr('manager') }), h('dd', { class: 'account-manager', text: managerName(tr, ctx, directory.items, s.managerId) }))];
    }

    const reasonText = (r) => (lang === 'zh' ? r.zh || r.en : r.en || r.zh) || r.code;
    const points = (p) => h('span', { class: `points ${p >= 0 ? 'points-plus' : 'points-minus'}`, text: p > 0 ? `+${p}` : String(p) });

    function accountView(a) {
        const block = (titleKey, ...children) => h('div', { class: 'account-block' }, h('h3', { class: 'sub-title', text: tr(titleKey) }), children);
        const risks = (a.churnReasons || []).slice(0, 3);
        const override = a.override;
        const tierButtons = canManage ? h('span', { class: 'inline-actions' },
            h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('override'), onClick: () => setOverride(a) }),
            override ? h('button', { type: 'button', class: 'btn btn-small btn-ghost', text: tr('override.clear'), onClick: clearOverride }) : null) : null;
        return [
            block('value', meter(a.valueScore, 100, { label: tr('value'), text: `${a.valueScore} / 100` }),
                (a.valueReasons || []).length ? h('details', { class: 'chart-data' }, h('summary', { text: tr('value.parts') }),
                    h('ul', { class: 'reasons' }, a.valueReasons.map((r) => h('li', {}, points(r.points), ` ${reasonText(r)}`)))) : null),
            block('tier.title', h('div', {}, tierBadge(tr, a.tier), tierButtons),
                a.tierReason ? h('p', { class: 'small muted', text: oneLanguage(a.tierReason, lang) }) : null,
                override ? h('p', { class: 'msg msg-info small override-info' },
                    `${tr('override.active', { tier: label(tr, 'tier', override.tier) })} · `,
                    override.expiresOn ? tr('override.until', { date: day(override.expiresOn, lang) }) : tr('override.forever'),
                    h('br'), tr('history.reason', { reason: override.reason || '' })) : null),
            block('stage.title', h('div', {}, stageBadge(tr, a.stage)), a.stageReason ? h('p', { class: 'small muted', text: oneLanguage(a.stageReason, lang) }) : null),
            block('risk', h('div', { class: riskClass(a.churnRisk) === 'risk-high' ? 'gauge-danger' : '' },
                meter(a.churnRisk, 100, { label: tr('risk'), text: `${a.churnRisk} / 100`, low: 40, high: 60, optimum: 0 })),
            risks.length ? [h('p', { class: 'small muted', text: tr('risk.reasons') }),
                h('ul', { class: 'reasons' }, risks.map((r) => h('li', {}, points(r.points), ` ${reasonText(r)}`)))] : null),
            block('manager', h('div', { class: 'item-head' },
                h('strong', { class: 'account-manager', text: managerName(tr, ctx, directory.items, a.managerId) }),
                canManage && directory.available ? h('button', { type: 'button', class: 'btn btn-small btn-secondary reassign-button',
                    text: tr('reassign'), onClick: () => reassign(a) }) : null)),
            block('followup', h('dl', { class: 'kv' },
                h('dt', { text: tr('last.contact') }), h('dd', { text: day(a.lastContact, lang) }),
                h('dt', { text: tr('next.followup') }), h('dd', {}, day(a.nextFollowUp, lang), ' ',
                    a.overdueDays > 0 ? h('span', { class: 'badge badge-danger', text: tr('overdue.days', { n: a.overdueDays }) })
                        : h('span', { class: 'badge badge-ok', text: tr('on.time') })))),
            (a.changes || []).length ? block('changes', h('ul', { class: 'plain-list small' }, a.changes.slice(0, 5).map((c) => h('li', {},
                h('div', { class: 'item-head' }, h('strong', { text: tr(`change.${c.kind}`) }), h('span', { class: 'item-meta', text: when(c.at, lang) })),
                h('div', { class: 'change-values' }, changeValue(c.kind, c.from), ' → ', changeValue(c.kind, c.to)),
                c.reason ? h('div', { class: 'item-meta', text: oneLanguage(c.reason, lang) }) : null)))) : null,
            a.computedAt ? h('p', { class: 'small muted', text: tr('computed', { when: when(a.computedAt, lang) }) }) : null,
        ];
    }

    function changeValue(kind, value) {
        if (value === null || value === undefined || value === '') {
            return tr('history.empty');
        }
        if (kind === 'manager') {
            return managerName(tr, ctx, directory.items, value);
        }
        return kind === 'tier' || kind === 'stage' ? label(tr, kind, value) : String(value);
    }

    async function afterAccountChange(text) {
        client = await api(base);
        drawHead();
        await Promise.all([loadAccount(), loadHistory(true)]);
        show('success', text);
        refocus('account');
    }

    async function reassign(a) {
        directory = await managers(api, true);
        const options = [h('option', { value: '', text: tr('reassign.choose') }),
            ...directory.items.filter((m) => m.active !== false && Number(m.userId) !== Number(a.managerId)).map((m) => h('option', {
                value: String(m.userId), text: tr(m.overCapacity || m.load >= m.capacity ? 'reassign.over' : 'reassign.option',
                    { name: m.displayName || m.username, load: m.load, capacity: m.capacity }) }))];
        let chosen = null;
        await formDialog({
            title: tr('reassign.title', { name: client.name }), submitLabel: tr('reassign.submit'), cancelLabel: tr('common.cancel'),
            body: [field(tr('reassign.manager'), { tag: 'select', name: 'managerId', required: true, children: options }),
                field(tr('reassign.reason'), { tag: 'textarea', name: 'reason', required: true, rows: 3, maxlength: 500 }, tr('reassign.reason.hint'))],
            onSubmit: async (f) => {
                const managerId = Number(f.elements.managerId.value);
                const reason = f.elements.reason.value.trim();
                const missing = {};
                if (!managerId) {
                    missing.managerId = tr('reassign.choose');
                }
                if (!reason) {
                    missing.reason = tr('reassign.reason.missing');
                }
                if (Object.keys(missing).length) {
                    throw Object.assign(new Error(Object.values(missing).join(' ')), { fields: missing });
                }
                await api(`/api/v1/accounts/${id}/reassign`, { json: { managerId, reason } });
                chosen = managerId;
            },
        });
        if (chosen) {
            directory = await managers(api, true);
            await afterAccountChange(tr('reassigned', { client: client.name, name: managerName(tr, ctx, directory.items, chosen) }));
        }
    }

    async function setOverride(a) {
        let tier = null;
        await formDialog({
            title: tr('override.title', { name: client.name }), submitLabel: tr('override.submit'), cancelLabel: tr('common.cancel'),
            body: [field(tr('override.tier'), { tag: 'select', name: 'tier', required: true, children: TIERS.map((x) => h('option', { value: x,
                text: label(tr, 'tier', x), selected: x === ((a.override && a.override.tier) || a.tier) })) }),
            field(tr('override.reason'), { tag: 'textarea', name: 'reason', required: true, rows: 3, maxlength: 500 }),
            field(tr('override.expires'), { name: 'expiresOn', type: 'date', min: today() })],
            onSubmit: async (f) => {
                const reason = f.elements.reason.value.trim();
                if (!reason) {
                    throw Object.assign(new Error(tr('override.reason.missing')), { fields: { reason: tr('override.reason.missing') } });
                }
                await api(`/api/v1/accounts/${id}/override`, { method: 'PUT', json: { tier: f.elements.tier.value, reason,
                    expiresOn: f.elements.expiresOn.value || null } });
                tier = f.elements.tier.value;
            },
        });
        if (tier) {
            await afterAccountChange(tr('override.set', { tier: label(tr, 'tier', tier) }));
        }
    }

    async function clearOverride() {
        await attempt(async () => {
            await api(`/api/v1/accounts/${id}/override`, { method: 'DELETE' });
            await afterAccountChange(tr('override.cleared'));
        });
    }

    async function recompute() {
        await attempt(async () => {
            await api(`/api/v1/accounts/${id}/recompute`, { method: 'POST' });
            await afterAccountChange(tr('recomputed'));
        });
    }

    // --- history ---
    const hist = { page: 1, items: [], total: 0 };
    async function loadHistory(reset) {
        const { content } = sections.history;
        if (reset) {
            hist.page = 1;
            hist.items = [];
        }
        try {
            const data = await api(`${base}/history?page=${hist.page}&size=20`);
            hist.items.push(...(data.items || []));
            hist.total = data.total || 0;
        } catch (e) {
            replace(content, message('error', e.message));
            return;
        }
        replace(content, hist.items.length ? h('ul', { class: 'plain-list history' }, hist.items.map(historyItem))
            : h('p', { class: 'muted', text: tr('history.none') }),
        hist.items.length < hist.total ? h('button', { type: 'button', class: 'btn btn-small btn-ghost', text: tr('more'), onClick: () => {
            hist.page += 1;
            loadHistory(false);
        } }) : null);
    }

    function historyValue(f, value) {
        if (value === null || value === undefined || value === '') {
            return tr('history.empty');
        }
        if (f === 'managerId' || f === 'ownerId') {
            return managerName(tr, ctx, directory.items, value);
        }
        if (['tier', 'stage', 'status', 'industry', 'region'].includes(f)) {
            return label(tr, f, value);
        }
        return String(value);
    }

    function historyItem(c) {
        const what = [tr(`entity.${c.entity}`), tr(`field.${c.field}`) === `field.${c.field}` ? c.field : tr(`field.${c.field}`)]
            .filter(Boolean).join(' · ');
        return h('li', { 'data-change': c.id, 'data-field': c.field },
            h('div', { class: 'item-head' }, h('strong', { text: what }),
                h('span', { class: 'item-meta', text: `${when(c.at, lang)} · ${c.actorName || tr('history.system')}` })),
            h('div', { class: 'change-values' }, h('del', { text: historyValue(c.field, c.oldValue) }), ' → ',
                h('ins', { text: historyValue(c.field, c.newValue) })),
            c.reason ? h('div', { class: 'item-meta', text: tr('history.reason', { reason: oneLanguage(c.reason, lang) }) }) : null);
    }

    // --- duplicates ---
    async function loadDuplicates() {
        const { content } = sections.duplicates;
        let found;
        try {
            found = (await api(`${base}/duplicates`)).items || [];
        } catch (e) {
            replace(content, message('error', e.message));
            return;
        }
        const byClient = new Map();
        for (const d of found) {
            if (!byClient.has(d.clientId)) {
                byClient.set(d.clientId, { name: d.clientName, reasons: [] });
            }
            byClient.get(d.clientId).reasons.push(`${tr(`dup.reason.${d.reason}`)}${d.value ? ` (${d.value})` : ''}`);
        }
        replace(content, byClient.size ? h('ul', { class: 'plain-list' }, [...byClient].map(([other, d]) => h('li', { 'data-duplicate': other },
            h('a', { class: 'link-strong', href: `#/client/${other}`, text: d.name }),
            h('div', { class: 'item-meta', text: d.reasons.join(', ') }),
            canWrite ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('merge'),
                'aria-label': tr('merge.label', { name: d.name }), onClick: () => merge(other, d.name) }) : null)))
            : h('p', { class: 'muted', text: tr('duplicates.none') }));
    }

    async function merge(sourceId, name) {
        if (!window.confirm(tr('merge.confirm', { name, target: client.name }))) {
            return;
        }
        await attempt(async () => {
            client = await api(`${base}/merge`, { json: { sourceId } });
            drawHead();
            drawProfile();
            show('success', tr('merged', { name }));
            await Promise.all([loadContacts(), loadTimeline(true), loadTransactions(true), loadTasks(), loadHistory(true), loadDuplicates()]);
        });
        refocus('duplicates');
    }

    drawHead();
    drawProfile();
    await loadContacts();
    await Promise.all([loadTimeline(true), loadTransactions(true), loadTasks(), loadAccount(), loadHistory(true), loadDuplicates()]);
}
