// Account managers (#/managers): workload against capacity (chart and table, over-capacity
// flagged), each manager's profile (capacity, seniority, industries, products, active) edited
// by admins, and the rebalance that moves clients off inactive or over-capacity managers.
import { h, replace, message, uid, when } from '/console/dom.js';
import { field, checkboxes, checkedValues, formDialog } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { barChart, meter } from '/console/charts.js';
import { INDUSTRIES, PRODUCTS, withLabels, label, hasRole, number, managerName, forget, oneLanguage } from './common.js';

const TEXT = withLabels({
    en: {
        'workload': 'Workload', 'workload.caption': 'Clients per manager against capacity', 'table': 'Account managers',
        'summary': '{n} managers, {active} active, {clients} clients assigned; {over} over capacity.',
        'col.manager': 'Manager', 'col.status': 'Status', 'col.load': 'Clients / capacity', 'col.seniority': 'Seniority',
        'col.industries': 'Industries', 'col.products': 'Products', 'col.actions': 'Actions', 'capacity': 'Capacity',
        'active': 'Active', 'inactive': 'Inactive', 'over': 'Over capacity', 'load.label': 'Load of {name}',
        'edit': 'Edit', 'edit.label': 'Edit {name}', 'edit.title': 'Profile of {name}', 'clients': 'Clients', 'clients.label': 'Clients of {name}',
        'f.active': 'Takes clients (active)', 'f.active.hint': 'Deactivating moves this manager\'s clients to others at once.',
        'f.capacity': 'Capacity (most clients)', 'f.seniority': 'Seniority', 'f.industries': 'Industries', 'f.products': 'Products',
        'saved': 'The profile of {name} was saved.', 'rebalance': 'Rebalance', 'rebalance.confirm': 'Assign every unassigned client and move clients off inactive or over-capacity managers now?',
        'rebalance.done': 'Rebalanced: {n} clients moved.', 'rebalance.none': 'Nothing to move: every client is with an active manager who has room.',
        'moves': 'Moves of the last rebalance', 'move.client': 'Client', 'move.from': 'From', 'move.to': 'To', 'move.reason': 'Reason',
        'client.n': 'Client #{id}', 'none.managers': 'No staff user holds the manager role yet.', 'readonly': 'Only administrators change manager profiles.',
    },
    zh: {
        'workload': '工作负荷', 'workload.caption': '客户经理负荷与容量', 'table': '客户经理',
        'summary': '共 {n} 位客户经理，{active} 位在岗，已分配 {clients} 个客户；{over} 位超负荷。',
        'col.manager': '客户经理', 'col.status': '状态', 'col.load': '客户数 / 容量', 'col.seniority': '资历',
        'col.industries': '擅长行业', 'col.products': '熟悉产品', 'col.actions': '操作', 'capacity': '容量',
        'active': '在岗', 'inactive': '停用', 'over': '超负荷', 'load.label': '{name} 的负荷',
        'edit': '编辑', 'edit.label': '编辑 {name}', 'edit.title': '{name} 的档案', 'clients': '客户', 'clients.label': '{name} 的客户',
        'f.active': '接收客户（在岗）', 'f.active.hint': '停用后，其客户会立即转给其他客户经理。',
        'f.capacity': '容量（最多客户数）', 'f.seniority': '资历', 'f.industries': '擅长行业', 'f.products': '熟悉产品',
        'saved': '已保存 {name} 的档案。', 'rebalance': '重新平衡', 'rebalance.confirm': '现在为所有未分配客户分配经理，并把停用或超负荷经理的客户转出？',
        'rebalance.done': '已重新平衡：转移了 {n} 个客户。', 'rebalance.none': '无需转移：每个客户都由有余量的在岗经理负责。',
        'moves': '最近一次重新平衡的转移', 'move.client': '客户', 'move.from': '原经理', 'move.to': '新经理', 'move.reason': '原因',
        'client.n': '客户 #{id}', 'none.managers': '还没有拥有客户经理角色的员工。', 'readonly': '仅管理员可修改客户经理档案。',
    },
});

export async function render(container, ctx) {
    const { api, lang, announce } = ctx;
    const tr = translator(TEXT, lang);
    const isAdmin = hasRole(ctx, 'admin');
    const status = h('div', { class: 'page-messages', 'aria-live': 'polite' });
    function show(kind, text) {
        replace(status, message(kind, text));
        if (kind !== 'error') {
            announce(text);
        }
    }
    let list = [];
    const chart = h('div');
    const summary = h('p', { class: 'muted summary', 'aria-live': 'polite' });
    const body = h('tbody');
    const moves = h('div');
    replace(container, status,
        h('section', { class: 'panel', 'aria-labelledby': 'managers-workload-title' },
            h('div', { class: 'panel-head' }, h('h2', { id: 'managers-workload-title', class: 'section-title', text: tr('workload') }),
                isAdmin ? h('button', { type: 'button', class: 'btn btn-primary', text: tr('rebalance'), onClick: rebalance }) : null),
            summary, chart, moves),
        h('section', { class: 'panel', 'aria-labelledby': 'managers-table-title' },
            h('div', { class: 'panel-head' }, h('h2', { id: 'managers-table-title', class: 'section-title', text: tr('table') }),
                isAdmin ? null : h('p', { class: 'small muted', text: tr('readonly') })),
            h('div', { class: 'table-wrap' }, h('table', { class: 'data-table all-cols managers-table' },
                h('caption', { class: 'visually-hidden', text: tr('table') }),
                h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: tr('col.manager') }), h('th', { scope: 'col', text: tr('col.status') }),
                    h('th', { scope: 'col', text: tr('col.load') }), h('th', { scope: 'col', class: 'hide-phone', text: tr('col.seniority') }),
                    h('th', { scope: 'col', class: 'hide-phone', text: tr('col.industries') }), h('th', { scope: 'col', class: 'hide-phone', text: tr('col.products') }),
                    h('th', { scope: 'col', class: 'actions-col', text: tr('col.actions') }))),
                body))));

    async function load() {
        try {
            list = (await api('/api/v1/managers')).items || [];
        } catch (e) {
            show('error', e.message);
            return;
        }
        forget('/api/v1/accounts/overview');
        const active = list.filter((m) => m.active);
        const over = list.filter((m) => m.overCapacity || m.load > m.capacity);
        summary.textContent = tr('summary', { n: list.length, active: active.length, over: over.length,
            clients: number(list.reduce((sum, m) => sum + (m.load || 0), 0), lang) });
        const ordered = list.slice().sort((a, b) => b.load / Math.max(1, b.capacity) - a.load / Math.max(1, a.capacity));
        replace(chart, barChart(ordered.map((m) => ({ key: String(m.userId), label: m.displayName || m.username, value: m.load, target: m.capacity,
            tone: m.load > m.capacity ? 'danger' : !m.active ? 'muted' : m.load >= m.capacity * 0.9 ? 'warn' : 'brand',
            cells: [number(m.capacity, lang)], href: `#/clients/${encodeURIComponent(`manager=${m.userId}`)}` })),
        { caption: tr('workload.caption'), width: 720, categoryLabel: tr('col.manager'), valueLabel: tr('clients'), headers: [tr('capacity')],
            emptyText: tr('none.managers'), format: (v) => number(v, lang) }));
        replace(body, list.map(row));
    }

    function row(m) {
        const name = m.displayName || m.username;
        const over = m.overCapacity || m.load > m.capacity;
        return h('tr', { 'data-manager': m.userId },
            h('td', { class: 'wrap' }, h('strong', { text: name }), h('div', { class: 'mono muted small', text: m.username })),
            h('td', {}, h('span', { class: `badge ${m.active ? 'badge-ok' : 'badge-warn'}`, text: m.active ? tr('active') : tr('inactive') })),
            h('td', {}, h('div', { class: over ? 'gauge-danger' : '' }, meter(m.load, Math.max(m.capacity, 1), { label: tr('load.label', { name }),
                text: `${number(m.load, lang)} / ${number(m.capacity, lang)}`, high: Math.max(1, m.capacity) * 0.9 })),
            over ? h('span', { class: 'badge badge-danger', text: tr('over') }) : null),
            h('td', { class: 'hide-phone', text: label(tr, 'seniority', m.seniority) }),
            h('td', { class: 'wrap hide-phone small', text: (m.industries || []).map((i) => label(tr, 'industry', i)).join(', ') || '—' }),
            h('td', { class: 'wrap hide-phone small', text: (m.products || []).map((p) => label(tr, 'product', p)).join(', ') || '—' }),
            h('td', { class: 'actions-col' }, h('div', { class: 'row-actions' },
                h('a', { class: 'btn btn-small btn-secondary', href: `#/clients/${encodeURIComponent(`manager=${m.userId}`)}`, text: tr('clients'),
                    'aria-label': tr('clients.label', { name }) }),
                isAdmin ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('edit'), 'aria-label': tr('edit.label', { name }),
                    onClick: () => edit(m) }) : null)));
    }

    async function edit(m) {
        const name = m.displayName || m.username;
        const known = (values, current) => [...values, ...(current || []).filter((v) => !values.includes(v))];
        const activeId = uid('active');
        await formDialog({
            title: tr('edit.title', { name }), submitLabel: tr('common.save'), cancelLabel: tr('common.cancel'), wide: true,
            body: [h('div', { class: 'field', 'data-field': 'active' },
                h('div', { class: 'check' }, h('input', { id: activeId, type: 'checkbox', name: 'active', checked: m.active,
                    'aria-describedby': `${activeId}-hint` }), h('label', { for: activeId, text: tr('f.active') })),
                h('p', { id: `${activeId}-hint`, class: 'hint', text: tr('f.active.hint') }),
                h('p', { class: 'field-error', hidden: true })),
            h('div', { class: 'field-row' },
                field(tr('f.capacity'), { name: 'capacity', type: 'number', min: 0, max: 1000, step: 1, required: true, value: m.capacity }),
                field(tr('f.seniority'), { tag: 'select', name: 'seniority', children: [1, 2, 3].map((s) => h('option', { value: String(s),
                    text: label(tr, 'seniority', s), selected: Number(m.seniority) === s })) })),
            h('div', { class: 'field-row' },
                checkboxes(tr('f.industries'), 'industries', known(INDUSTRIES, m.industries).map((i) => [i, label(tr, 'industry', i)]), m.industries || []),
                checkboxes(tr('f.products'), 'products', known(PRODUCTS, m.products).map((p) => [p, label(tr, 'product', p)]), m.products || []))],
            onSubmit: async (f) => {
                await api(`/api/v1/managers/${encodeURIComponent(m.userId)}`, { method: 'PUT', json: {
                    active: f.elements.active.checked, capacity: Number(f.elements.capacity.value), seniority: Number(f.elements.seniority.value),
                    industries: checkedValues(f, 'industries'), products: checkedValues(f, 'products') } });
                show('success', tr('saved', { name }));
            },
        });
        await load();
    }

    async function rebalance(event) {
        if (!window.confirm(tr('rebalance.confirm'))) {
            return;
        }
        const button = event.target;
        button.disabled = true;
        try {
            const result = await api('/api/v1/accounts/rebalance', { method: 'POST' });
            const moved = result.moves || [];
            show('success', moved.length ? tr('rebalance.done', { n: moved.length }) : tr('rebalance.none'));
            await load();
            drawMoves(moved);
        } catch (e) {
            show('error', e.message);
        } finally {
            button.disabled = false;
        }
    }

    function drawMoves(moved) {
        if (!moved.length) {
            moves.replaceChildren();
            return;
        }
        replace(moves, h('h3', { class: 'sub-title', text: tr('moves') }),
            h('div', { class: 'table-wrap' }, h('table', { class: 'data-table all-cols rebalance-moves' },
                h('caption', { class: 'visually-hidden', text: tr('moves') }),
                h('thead', {}, h('tr', {}, ['move.client', 'move.from', 'move.to', 'move.reason'].map((k) => h('th', { scope: 'col', text: tr(k) })))),
                h('tbody', {}, moved.map((mv) => h('tr', {},
                    h('td', {}, h('a', { href: `#/client/${mv.clientId}`, text: mv.clientName || tr('client.n', { id: mv.clientId }) })),
                    h('td', { text: managerName(tr, list, mv.from) }),
                    h('td', { text: managerName(tr, list, mv.to) }),
                    h('td', { class: 'wrap small', text: [oneLanguage(mv.reason, lang), mv.at ? when(mv.at, lang) : null].filter(Boolean).join(' · ') })))))));
    }

    await load();
}
