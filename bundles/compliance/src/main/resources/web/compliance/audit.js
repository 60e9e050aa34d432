// The audit log for auditors (#/audit): search by client, contact, user, action and time; verify the
// hash chain (the first broken entry is named); export what the filters select as CSV.
import { h, replace, message } from '/console/dom.js';
import { field } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { withLabels, statusLine, table, badge, at, query, pager } from './common.js';

const TEXT = withLabels({
    en: {
        'filters': 'Search the audit log', 'clientId': 'Client id', 'contactId': 'Contact id', 'actor': 'User id', 'action': 'Action',
        'action.any': 'Any action', 'from': 'From', 'to': 'To', 'search': 'Search', 'reset': 'Reset', 'export': 'Export CSV',
        'verify': 'Verify the chain', 'verify.ok': 'The chain is intact: {n} entries verified.', 'verify.broken': 'The chain is broken at entry #{seq}: {problem}.',
        'col.seq': '#', 'col.at': 'When', 'col.who': 'Who', 'col.action': 'Action', 'col.what': 'What', 'col.about': 'About', 'col.why': 'Why / request',
        'none': 'No entries match.', 'client': 'client #{id}', 'contact': 'contact #{id}', 'ids': '{n} records', 'erased': 'erased',
        'act.read': 'read', 'act.create': 'create', 'act.update': 'update', 'act.delete': 'delete', 'act.export': 'export', 'act.unmask': 'unmask',
        'act.erase': 'erase', 'act.import': 'import', 'act.merge': 'merge',
    },
    zh: {
        'filters': '查询审计日志', 'clientId': '客户编号', 'contactId': '联系人编号', 'actor': '用户编号', 'action': '操作',
        'action.any': '全部操作', 'from': '开始日期', 'to': '结束日期', 'search': '查询', 'reset': '重置', 'export': '导出 CSV',
        'verify': '校验哈希链', 'verify.ok': '哈希链完整：已校验 {n} 条记录。', 'verify.broken': '哈希链在第 #{seq} 条记录处断开：{problem}。',
        'col.seq': '#', 'col.at': '时间', 'col.who': '操作人', 'col.action': '操作', 'col.what': '对象', 'col.about': '涉及', 'col.why': '原因 / 请求',
        'none': '没有符合条件的记录。', 'client': '客户 #{id}', 'contact': '联系人 #{id}', 'ids': '{n} 条记录', 'erased': '已删除个人信息',
        'act.read': '读取', 'act.create': '新建', 'act.update': '修改', 'act.delete': '删除', 'act.export': '导出', 'act.unmask': '解除脱敏',
        'act.erase': '数据删除', 'act.import': '导入', 'act.merge': '合并',
    },
});
const ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'unmask', 'erase', 'import', 'merge'];

export async function render(container, ctx) {
    const { api, lang, announce } = ctx;
    const tr = translator(TEXT, lang);
    const [status, show] = statusLine(announce);
    const params = new URLSearchParams(ctx.params[0] || '');
    const form = h('form', { class: 'filters', role: 'search', 'aria-label': tr('filters') },
        field(tr('clientId'), { name: 'clientId', inputmode: 'numeric', value: params.get('clientId') || '' }),
        field(tr('contactId'), { name: 'contactId', inputmode: 'numeric', value: params.get('contactId') || '' }),
        field(tr('actor'), { name: 'actor', inputmode: 'numeric', value: '' }),
        field(tr('action'), { tag: 'select', name: 'action', children: [h('option', { value: '', text: tr('action.any') }),
            ...ACTIONS.map((a) => h('option', { value: a, text: tr(`act.${a}`) }))] }),
        field(tr('from'), { name: 'from', type: 'date' }), field(tr('to'), { name: 'to', type: 'date' }),
        h('div', { class: 'filters-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', text: tr('search') }),
            h('button', { type: 'reset', class: 'btn btn-secondary', text: tr('reset') })));
    const exportLink = h('a', { class: 'btn btn-secondary', href: '/api/v1/audit/export', download: 'audit.csv', text: tr('export') });
    const verifyResult = h('div', { 'aria-live': 'polite' });
    const results = h('div');
    let page = 1;
    replace(container, status,
        h('section', { class: 'toolbar-card' }, form),
        h('div', { class: 'toolbar' }, h('div', { class: 'toolbar-buttons' }, exportLink,
            h('button', { type: 'button', class: 'btn btn-secondary', text: tr('verify'), onClick: verify })), verifyResult),
        results);

    const filters = () => {
        const v = (name) => form.elements[name].value;
        return { clientId: v('clientId'), contactId: v('contactId'), actor: v('actor'), action: v('action'), from: v('from'), to: v('to') };
    };

    async function load() {
        const q = filters();
        exportLink.href = `/api/v1/audit/export${query(q)}`;
        let data;
        try {
            data = await api(`/api/v1/audit${query({ ...q, page, size: 50 })}`);
        } catch (e) {
            replace(results, message('error', e.message));
            return;
        }
        const about = (e) => [e.clientId ? tr('client', { id: e.clientId }) : null, e.contactId ? tr('contact', { id: e.contactId }) : null]
            .filter(Boolean).join(' · ') || '—';
        replace(results, data.items.length ? [table([tr('col.seq'), tr('col.at'), tr('col.who'), tr('col.action'), tr('col.what'), tr('col.about'), tr('col.why')],
            data.items.map((e) => h('tr', { 'data-seq': e.seq },
                h('td', { class: 'num', text: String(e.seq) }), h('td', { text: at(e.at, lang) }),
                h('td', {}, e.actor.name, h('div', { class: 'small muted', text: `${e.via}${e.remoteAddress ? ` · ${e.remoteAddress}` : ''}` })),
                h('td', {}, badge(tr(`act.${e.action}`) === `act.${e.action}` ? e.action : tr(`act.${e.action}`), e.action === 'read' ? '' : 'info')),
                h('td', { class: 'wrap' }, e.entity, e.fields.length ? h('div', { class: 'small muted', text: e.fields.join(', ') }) : null,
                    e.idCount > 1 ? h('div', { class: 'small muted', text: tr('ids', { n: e.idCount }) }) : null),
                h('td', { text: about(e) }),
                h('td', { class: 'wrap' }, e.erased ? badge(tr('erased'), 'purple') : [e.reason ? h('strong', { text: e.reason }) : null,
                    h('div', { class: 'small muted mono', text: e.request || '' })]))), { 'data-table': 'audit' }),
            pager(tr, page, 50, data.total, (p) => { page = p; load(); })] : h('p', { class: 'muted', text: tr('none') }));
    }

    async function verify() {
        try {
            const v = await api('/api/v1/audit/verify');
            replace(verifyResult, message(v.ok ? 'success' : 'error', v.ok ? tr('verify.ok', { n: v.checked })
                : tr('verify.broken', { seq: v.firstBroken, problem: v.problem })));
            if (v.ok) {
                announce(tr('verify.ok', { n: v.checked }));
            }
        } catch (e) {
            show('error', e.message);
        }
    }

    form.addEventListener('submit', (event) => {
        event.preventDefault();
        page = 1;
        load();
    });
    form.addEventListener('reset', () => setTimeout(() => { page = 1; load(); }, 0));
    await load();
}
