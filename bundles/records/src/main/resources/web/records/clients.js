// Clients: the list with filters (text, tier, stage, manager, churn risk, region, industry,
// status), sortable columns, paging, bulk actions on the selected rows (reassign, export), a new
// client form that warns about duplicates, and the way to the CSV import. The filters live in
// the hash (#/clients/<query>), so the back button returns to the same list.
import { h, replace, message, uid, when } from '/console/dom.js';
import { field, formDialog } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import {
    TIERS, STAGES, STATUSES, INDUSTRIES, REGIONS, WRITERS, withLabels, label, tierBadge, stageBadge, riskText, number,
    managers, managerName, hasRole, download, saveCsv, list, LIST_KEY,
} from './common.js';

const TEXT = withLabels({
    en: {
        'filters': 'Find clients', 'q': 'Search', 'q.placeholder': 'Name or registration number', 'tier': 'Tier', 'stage': 'Stage',
        'manager': 'Manager', 'minRisk': 'Churn risk', 'region': 'Region', 'industry': 'Industry', 'status': 'Status',
        'any': 'Any', 'mine': 'My clients', 'risk.at': '{n} or more', 'reset': 'Reset filters', 'apply': 'Search',
        'summary': '{total} clients · page {page} of {pages}', 'summary.one': '1 client · page 1 of 1',
        'summary.none': 'No clients match these filters.',
        'loading': 'Loading clients…', 'caption': 'Clients', 'col.name': 'Client', 'col.tier': 'Tier', 'col.stage': 'Stage',
        'col.risk': 'Churn risk', 'col.value': 'Value', 'col.manager': 'Manager', 'col.where': 'Region · industry',
        'col.updated': 'Updated', 'select.all': 'Select all clients on this page', 'select.one': 'Select {name}',
        'sort.by': 'Sort by {column}', 'new': 'New client', 'import': 'Import CSV', 'export': 'Export CSV',
        'export.selected': 'Export selected', 'exported': 'Saved {file}.', 'selected': '{n} selected', 'selection.clear': 'Clear selection',
        'reassign': 'Reassign…', 'reassign.title': 'Reassign {n} clients', 'reassign.manager': 'New manager',
        'reassign.reason': 'Reason', 'reassign.reason.hint': 'Kept in each client\'s history.', 'reassign.submit': 'Reassign',
        'reassign.choose': 'Choose a manager', 'reassign.reason.missing': 'Give a reason.',
        'reassign.done': '{ok} of {n} clients reassigned to {name}.', 'reassign.failed': '{name}: {message}',
        'reassign.option': '{name} — {load} / {capacity}', 'reassign.over': '{name} — {load} / {capacity}, over capacity',
        'prev': 'Previous', 'next': 'Next', 'page.size': 'Per page', 'pager': 'Pages',
        'create.title': 'New client', 'create.submit': 'Create', 'create.anyway': 'Create anyway',
        'f.name': 'Company name', 'f.registrationNo': 'Registration number', 'f.registrationNo.hint': 'E.g. the 18-character unified social credit code.',
        'f.industry': 'Industry', 'f.region': 'Region', 'f.annualRevenue': 'Annual revenue (CNY)', 'f.employees': 'Employees',
        'f.tags': 'Tags', 'f.tags.hint': 'Separated by commas.', 'f.status': 'Status',
        'f.contact': 'First contact (optional)', 'f.contact.name': 'Contact name', 'f.contact.email': 'Email', 'f.contact.phone': 'Phone',
        'dup.title': 'This company may already be a client:', 'dup.reason.registrationNo': 'same registration number',
        'dup.reason.name': 'same name', 'dup.reason.email': 'same contact email', 'dup.reason.phone': 'same contact phone',
        'dup.open': 'Open', 'dup.merge': 'Merge into this one', 'dup.stop': 'Open the existing client, merge into it, or create anyway.',
        'dup.open.label': 'Open {name}', 'dup.merge.label': 'Create and merge into {name}',
        'created': 'Client {name} created.', 'merged': 'Merged into {name}.', 'name.required': 'Enter the company name.',
        'bulk': 'Actions on the selected clients',
    },
    zh: {
        'filters': '查找客户', 'q': '搜索', 'q.placeholder': '名称或注册号', 'tier': '分层', 'stage': '阶段',
        'manager': '客户经理', 'minRisk': '流失风险', 'region': '地区', 'industry': '行业', 'status': '状态',
        'any': '全部', 'mine': '我的客户', 'risk.at': '≥ {n}', 'reset': '清除筛选', 'apply': '搜索',
        'summary': '共 {total} 个客户 · 第 {page}/{pages} 页', 'summary.one': '共 1 个客户 · 第 1/1 页', 'summary.none': '没有符合条件的客户。',
        'loading': '正在加载客户…', 'caption': '客户', 'col.name': '客户', 'col.tier': '分层', 'col.stage': '阶段',
        'col.risk': '流失风险', 'col.value': '价值', 'col.manager': '客户经理', 'col.where': '地区 · 行业',
        'col.updated': '更新时间', 'select.all': '选择本页全部客户', 'select.one': '选择 {name}',
        'sort.by': '按{column}排序', 'new': '新建客户', 'import': '导入 CSV', 'export': '导出 CSV',
        'export.selected': '导出所选', 'exported': '已保存 {file}。', 'selected': '已选 {n} 个', 'selection.clear': '取消选择',
        'reassign': '重新分配…', 'reassign.title': '重新分配 {n} 个客户', 'reassign.manager': '新的客户经理',
        'reassign.reason': '原因', 'reassign.reason.hint': '记录在每个客户的变更历史中。', 'reassign.submit': '重新分配',
        'reassign.choose': '请选择客户经理', 'reassign.reason.missing': '请填写原因。',
        'reassign.done': '已将 {n} 个客户中的 {ok} 个分配给 {name}。', 'reassign.failed': '{name}：{message}',
        'reassign.option': '{name} — {load} / {capacity}', 'reassign.over': '{name} — {load} / {capacity}，已超负荷',
        'prev': '上一页', 'next': '下一页', 'page.size': '每页', 'pager': '分页',
        'create.title': '新建客户', 'create.submit': '创建', 'create.anyway': '仍然创建',
        'f.name': '公司名称', 'f.registrationNo': '注册号', 'f.registrationNo.hint': '例如 18 位统一社会信用代码。',
        'f.industry': '行业', 'f.region': '地区', 'f.annualRevenue': '年营业额（元）', 'f.employees': '员工人数',
        'f.tags': '标签', 'f.tags.hint': '用逗号分隔。', 'f.status': '状态',
        'f.contact': '首位联系人（可选）', 'f.contact.name': '联系人姓名', 'f.contact.email': '邮箱', 'f.contact.phone': '电话',
        'dup.title': '该公司可能已是客户：', 'dup.reason.registrationNo': '注册号相同',
        'dup.reason.name': '名称相同', 'dup.reason.email': '联系人邮箱相同', 'dup.reason.phone': '联系人电话相同',
        'dup.open': '打开', 'dup.merge': '合并到此客户', 'dup.stop': '可打开已有客户、合并到该客户，或仍然创建。',
        'dup.open.label': '打开 {name}', 'dup.merge.label': '创建并合并到 {name}',
        'created': '已创建客户 {name}。', 'merged': '已合并到 {name}。', 'name.required': '请输入公司名称。',
        'bulk': '对所选客户的操作',
    },
});

const FILTERS = ['q', 'tier', 'stage', 'manager', 'minRisk', 'region', 'industry', 'status'];
const SIZES = [25, 50, 100];
const DESC_FIRST = ['churnRisk', 'valueScore', 'updatedAt', 'annualRevenue'];

function readState(param) {
    const query = new URLSearchParams(param || '');
    const state = { sort: query.get('sort') || 'name', page: Math.max(1, Number(query.get('page')) || 1),
        size: SIZES.includes(Number(query.get('size'))) ? Number(query.get('size')) : 25 };
    for (const name of FILTERS) {
        state[name] = query.get(name) || '';
    }
    return state;
}

function filterQuery(state) {
    const query = new URLSearchParams();
    for (const name of FILTERS) {
        if (state[name]) {
            query.set(name, state[name]);
        }
    }
    return query;
}

/** Adds the ids found in the data but not in the known list (e.g. from an import) to a filter select. */
function addUnknown(select, known, counts, current) {
    for (const id of Object.keys(counts || {}).filter((v) => v && !known.includes(v)).sort()) {
        select.append(h('option', { value: id, text: id, selected: id === current }));
    }
}

export async function render(container, ctx) {
    const { api, lang, announce } = ctx;
    const tr = translator(TEXT, lang);
    const state = readState(ctx.params[0]);
    const selected = new Map();
    const canWrite = hasRole(ctx, ...WRITERS);
    const canImport = hasRole(ctx, 'admin', 'manager');
    const canExport = hasRole(ctx, 'admin', 'manager', 'auditor');
    let directory = { available: false, items: [] };
    let items = [];
    let loadToken = 0;

    const status = h('div', { class: 'page-messages', 'aria-live': 'polite' });
    function show(kind, text) {
        replace(status, message(kind, text));
        if (kind !== 'error') {
            announce(text);
        }
    }

    // --- filters ---
    const options = (values, family, current) => [h('option', { value: '', text: tr('any') }),
        ...values.map((v) => h('option', { value: v, text: label(tr, family, v), selected: v === current }))];
    const selectField = (name, children, cls = '') => field(tr(name), { tag: 'select', name, children, class: cls });
    const searchInput = field(tr('q'), { type: 'search', name: 'q', value: state.q, placeholder: tr('q.placeholder'), autocomplete: 'off' });
    searchInput.classList.add('wide');
    const managerSelect = selectField('manager', [h('option', { value: '', text: tr('any') }),
        h('option', { value: 'me', text: tr('mine'), selected: state.manager === 'me' }),
        h('option', { value: 'none', text: tr('manager.none'), selected: state.manager === 'none' })]);
    const regionSelect = selectField('region', options(REGIONS, 'region', state.region));
    const industrySelect = selectField('industry', options(INDUSTRIES, 'industry', state.industry));
    const form = h('form', { class: 'toolbar-card filters', role: 'search', 'aria-label': tr('filters'), novalidate: true },
        searchInput,
        selectField('tier', options(TIERS, 'tier', state.tier)),
        selectField('stage', options(STAGES, 'stage', state.stage)),
        managerSelect,
        selectField('minRisk', [h('option', { value: '', text: tr('any') }),
            ...[40, 60, 80].map((n) => h('option', { value: String(n), text: tr('risk.at', { n }), selected: state.minRisk === String(n) }))]),
        regionSelect, industrySelect,
        selectField('status', options(STATUSES, 'status', state.status)),
        h('div', { class: 'filters-actions' },
            h('button', { type: 'submit', class: 'btn btn-primary', text: tr('apply') }),
            h('button', { type: 'button', class: 'btn btn-ghost', text: tr('reset'), onClick: resetFilters })));
    let typing = null;
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        apply();
    });
    form.addEventListener('change', (event) => {
        if (event.target.name !== 'q') {
            apply();
        }
    });
    form.elements.q.addEventListener('input', () => {
        clearTimeout(typing);
        typing = setTimeout(apply, 400);
    });

    function resetFilters() {
        for (const name of FILTERS) {
            form.elements[name].value = '';
        }
        apply();
        form.elements.q.focus();
    }

    function apply() {
        clearTimeout(typing);
        for (const name of FILTERS) {
            state[name] = form.elements[name].value.trim();
        }
        state.page = 1;
        selected.clear();
        load();
    }

    // --- toolbar, bulk bar, table, pager ---
    const summary = h('p', { class: 'muted summary', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const toolbar = h('div', { class: 'toolbar' }, summary, h('div', { class: 'toolbar-buttons' },
        canWrite ? h('button', { type: 'button', class: 'btn btn-primary', text: tr('new'), onClick: createClient }) : null,
        canImport ? h('a', { class: 'btn btn-secondary', href: '#/import', text: tr('import') }) : null,
        canExport ? h('button', { type: 'button', class: 'btn btn-secondary', text: tr('export'), onClick: exportCsv }) : null));
    const selectedText = h('span', { class: 'bulk-count', 'aria-live': 'polite' });
    const reassignButton = h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('reassign'), hidden: true,
        onClick: reassignSelected });
    const bulk = h('div', { class: 'bulk-bar', hidden: true, role: 'region', 'aria-label': tr('bulk') },
        selectedText, reassignButton,
        h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('export.selected'), onClick: exportSelected }),
        h('button', { type: 'button', class: 'btn btn-small btn-ghost', text: tr('selection.clear'), onClick: () => {
            selected.clear();
            drawRows();
        } }));
    const selectAll = h('input', { type: 'checkbox', 'aria-label': tr('select.all'), onChange: (e) => {
        for (const c of items) {
            if (e.target.checked) {
                selected.set(c.id, c);
            } else {
                selected.delete(c.id);
            }
        }
        drawRows();
    } });
    const head = h('tr');
    const body = h('tbody');
    const table = h('table', { class: 'data-table all-cols clients-table' },
        h('caption', { class: 'visually-hidden', text: tr('caption') }), h('thead', {}, head), body);
    const pager = h('nav', { class: 'pager', 'aria-label': tr('pager') });
    replace(container, status, form, h('section', { class: 'panel', 'aria-label': tr('caption') },
        toolbar, bulk, h('div', { class: 'table-wrap' }, table), pager));

    const columns = [
        { key: 'name', sort: 'name', label: tr('col.name') },
        { key: 'tier', sort: 'tier', label: tr('col.tier') },
        { key: 'stage', label: tr('col.stage'), cls: 'hide-phone' },
        { key: 'risk', sort: 'churnRisk', label: tr('col.risk'), cls: 'num-wide' },
        { key: 'value', sort: 'valueScore', label: tr('col.value'), cls: 'num-wide hide-phone' },
        { key: 'manager', label: tr('col.manager') },
        { key: 'where', label: tr('col.where'), cls: 'hide-phone' },
        { key: 'updated', sort: 'updatedAt', label: tr('col.updated'), cls: 'hide-phone' },
    ];

    function drawHead() {
        const current = state.sort.replace(/^-/, '');
        const descending = state.sort.startsWith('-');
        replace(head, h('th', { scope: 'col', class: 'select-col' }, selectAll), columns.map((col) => {
            if (!col.sort) {
                return h('th', { scope: 'col', class: col.cls, text: col.label });
            }
            const active = current === col.sort;
            return h('th', { scope: 'col', class: col.cls, 'aria-sort': active ? (descending ? 'descending' : 'ascending') : null },
                h('button', { type: 'button', class: 'sort-button', 'data-sort': col.sort, 'aria-label': tr('sort.by', { column: col.label }),
                    onClick: () => sortBy(col.sort) },
                col.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true', text: active ? (descending ? '▼' : '▲') : '' })));
        }));
    }

    function sortBy(column) {
        const current = state.sort.replace(/^-/, '');
        if (current === column) {
            state.sort = state.sort.startsWith('-') ? column : `-${column}`;
        } else {
            state.sort = DESC_FIRST.includes(column) ? `-${column}` : column;
        }
        state.page = 1;
        load().then(() => {
            const button = head.querySelector(`button[data-sort="${column}"]`);
            if (button) {
                button.focus();
            }
        });
    }

    function row(c) {
        const standing = c.standing || {};
        const checked = selected.has(c.id);
        return h('tr', { 'data-client': c.id, class: checked ? 'selected' : null },
            h('td', { class: 'select-col' }, h('input', { type: 'checkbox', checked, 'aria-label': tr('select.one', { name: c.name }),
                onChange: (e) => {
                    if (e.target.checked) {
                        selected.set(c.id, c);
                    } else {
                        selected.delete(c.id);
                    }
                    e.target.closest('tr').classList.toggle('selected', e.target.checked);
                    drawBulk();
                } })),
            h('td', { class: 'wrap' }, h('a', { class: 'link-strong client-link', href: `#/client/${c.id}`, text: c.name }),
                c.registrationNo ? h('div', { class: 'mono muted small', text: c.registrationNo }) : null),
            h('td', {}, tierBadge(tr, standing.tier)),
            h('td', { class: 'hide-phone' }, stageBadge(tr, standing.stage)),
            h('td', { class: 'num-wide' }, riskText(tr, standing.churnRisk)),
            h('td', { class: 'num-wide hide-phone', text: standing.valueScore ?? '—' }),
            h('td', { class: 'wrap', text: managerName(tr, ctx, directory.items, standing.managerId) }),
            h('td', { class: 'wrap hide-phone', text: [label(tr, 'region', c.region), label(tr, 'industry', c.industry)].join(' · ') }),
            h('td', { class: 'hide-phone small', text: when(c.updatedAt, lang) }));
    }

    function drawRows() {
        replace(body, items.map(row));
        selectAll.checked = items.length > 0 && items.every((c) => selected.has(c.id));
        selectAll.indeterminate = !selectAll.checked && items.some((c) => selected.has(c.id));
        drawBulk();
    }

    function drawBulk() {
        bulk.hidden = selected.size === 0;
        selectedText.textContent = tr('selected', { n: selected.size });
        reassignButton.hidden = !(directory.available && hasRole(ctx, 'admin', 'manager'));
        selectAll.checked = items.length > 0 && items.every((c) => selected.has(c.id));
        selectAll.indeterminate = !selectAll.checked && items.some((c) => selected.has(c.id));
    }

    function drawPager(total) {
        const pages = Math.max(1, Math.ceil(total / state.size));
        const sizeId = uid('size');
        replace(pager,
            h('label', { for: sizeId, class: 'small muted', text: tr('page.size') }),
            h('select', { id: sizeId, onChange: (e) => {
                state.size = Number(e.target.value);
                state.page = 1;
                load();
            } }, SIZES.map((n) => h('option', { value: String(n), text: String(n), selected: n === state.size }))),
            h('button', { type: 'button', class: 'btn btn-small btn-secondary', 'data-go': 'prev', text: tr('prev'), disabled: state.page <= 1,
                onClick: () => go(state.page - 1, 'prev') }),
            h('span', { class: 'small', text: `${state.page} / ${pages}` }),
            h('button', { type: 'button', class: 'btn btn-small btn-secondary', 'data-go': 'next', text: tr('next'), disabled: state.page >= pages,
                onClick: () => go(state.page + 1, 'next') }));
    }

    function go(page, direction) {
        state.page = page;
        load().then(() => {
            table.scrollIntoView({ block: 'start' });
            const same = pager.querySelector(`button[data-go="${direction}"]:not(:disabled)`);
            (same || pager.querySelector('button[data-go]:not(:disabled)') || summary).focus({ preventScroll: true });
        });
    }

    function stateQuery() {
        const query = filterQuery(state);
        if (state.sort !== 'name') {
            query.set('sort', state.sort);
        }
        if (state.page > 1) {
            query.set('page', String(state.page));
        }
        if (state.size !== 25) {
            query.set('size', String(state.size));
        }
        return query.toString();
    }

    async function load() {
        const token = ++loadToken;
        const qs = stateQuery();
        const hash = qs ? `#/clients/${encodeURIComponent(qs)}` : '#/clients';
        if (location.hash !== hash) {
            history.replaceState(null, '', hash);
        }
        try {
            sessionStorage.setItem(LIST_KEY, hash);
        } catch (e) {
            // storage disabled: the back link goes to the plain list
        }
        drawHead();
        table.setAttribute('aria-busy', 'true');
        const query = new URLSearchParams(qs);
        query.set('sort', state.sort);
        query.set('page', String(state.page));
        query.set('size', String(state.size));
        try {
            const data = await api(`/api/v1/clients?${query}`);
            if (token !== loadToken) {
                return;
            }
            items = data.items || [];
            const total = data.total || 0;
            const pages = Math.max(1, Math.ceil(total / state.size));
            summary.textContent = total === 1 && state.page === 1 ? tr('summary.one')
                : total ? tr('summary', { total: number(total, lang), page: state.page, pages }) : tr('summary.none');
            drawRows();
            drawPager(total);
        } catch (e) {
            if (token === loadToken) {
                items = [];
                replace(body);
                summary.textContent = '';
                show('error', e.message);
            }
        } finally {
            if (token === loadToken) {
                table.removeAttribute('aria-busy');
            }
        }
    }

    async function exportCsv() {
        const query = filterQuery(state);
        query.set('sort', state.sort);
        query.set('lang', lang);
        try {
            const file = await download(`/api/v1/clients/export?${query}`, 'clients.csv');
            show('success', tr('exported', { file }));
        } catch (e) {
            show('error', tr('export.failed', { message: e.message }));
        }
    }

    /** The selected rows as shown in the table (the server's export is by filter, one line per contact). */
    function exportSelected() {
        const header = ['ID', tr('col.name'), tr('f.registrationNo'), tr('col.tier'), tr('col.stage'), tr('col.risk'), tr('col.value'),
            tr('col.manager'), tr('region'), tr('industry'), tr('status'), tr('f.tags')];
        const rows = [...selected.values()].map((c) => {
            const s = c.standing || {};
            return [c.id, c.name, c.registrationNo, s.tier ? label(tr, 'tier', s.tier) : '', s.stage ? label(tr, 'stage', s.stage) : '',
                s.churnRisk, s.valueScore, managerName(tr, ctx, directory.items, s.managerId), c.region ? label(tr, 'region', c.region) : '',
                c.industry ? label(tr, 'industry', c.industry) : '', label(tr, 'status', c.status), (c.tags || []).join(', ')];
        });
        const file = saveCsv([header, ...rows], `clients-selected-${new Date().toISOString().slice(0, 10)}.csv`);
        show('success', tr('exported', { file }));
    }

    async function reassignSelected() {
        const chosen = [...selected.values()];
        const fresh = await managers(api, true);
        const managerOptions = [h('option', { value: '', text: tr('reassign.choose') }),
            ...fresh.items.filter((m) => m.active !== false).map((m) => h('option', { value: String(m.userId),
                text: tr(m.overCapacity || m.load >= m.capacity ? 'reassign.over' : 'reassign.option',
                    { name: m.displayName || m.username, load: m.load, capacity: m.capacity }) }))];
        await formDialog({
            title: tr('reassign.title', { n: chosen.length }), submitLabel: tr('reassign.submit'), cancelLabel: tr('common.cancel'),
            body: [field(tr('reassign.manager'), { tag: 'select', name: 'managerId', required: true, children: managerOptions }),
                field(tr('reassign.reason'), { tag: 'textarea', name: 'reason', required: true, rows: 3, maxlength: 500 }, tr('reassign.reason.hint'))],
            onSubmit: async (dialogForm) => {
                const managerId = Number(dialogForm.elements.managerId.value);
                const reason = dialogForm.elements.reason.value.trim();
                const missing = {};
                if (!managerId) {
                    missing.managerId = tr('reassign.choose');
                }
                if (!reason) {
                    missing.reason = tr('reassign.reason.missing');
                }
                if (Object.keys(missing).length) {
                    const error = new Error(Object.values(missing).join(' '));
                    error.fields = missing;
                    throw error;
                }
                const failures = [];
                let ok = 0;
                for (const c of chosen) {
                    try {
                        await api(`/api/v1/accounts/${c.id}/reassign`, { json: { managerId, reason } });
                        ok += 1;
                    } catch (e) {
                        failures.push(tr('reassign.failed', { name: c.name, message: e.message }));
                    }
                }
                const name = managerName(tr, ctx, fresh.items, managerId);
                if (failures.length && ok === 0) {
                    throw new Error(failures.join(' · '));
                }
                selected.clear();
                const done = tr('reassign.done', { ok, n: chosen.length, name });
                if (failures.length) {
                    replace(status, message('info', done), message('error', failures.join(' · ')));
                    announce(done);
                } else {
                    show('success', done);
                }
            },
        });
        directory = await managers(api, true);
        await load();
    }

    // --- new client, with the duplicate check ---
    async function createClient() {
        const warning = h('div', { class: 'dup-warning', 'aria-live': 'polite' });
        let confirmed = false;
        const contactLegendId = uid('contact');
        const body = [
            warning,
            field(tr('f.name'), { name: 'name', required: true, maxlength: 200, autocomplete: 'organization' }),
            field(tr('f.registrationNo'), { name: 'registrationNo', maxlength: 40, autocapitalize: 'characters', spellcheck: 'false' },
                tr('f.registrationNo.hint')),
            h('div', { class: 'field-row' },
                field(tr('f.industry'), { tag: 'select', name: 'industry', children: [h('option', { value: '', text: tr('none') }),
                    ...INDUSTRIES.map((v) => h('option', { value: v, text: label(tr, 'industry', v) }))] }),
                field(tr('f.region'), { tag: 'select', name: 'region', children: [h('option', { value: '', text: tr('none') }),
                    ...REGIONS.map((v) => h('option', { value: v, text: label(tr, 'region', v) }))] })),
            h('div', { class: 'field-row' },
                field(tr('f.annualRevenue'), { name: 'annualRevenue', type: 'number', min: 0, step: 'any', inputmode: 'decimal' }),
                field(tr('f.employees'), { name: 'employees', type: 'number', min: 0, step: 1, inputmode: 'numeric' })),
            field(tr('f.tags'), { name: 'tags' }, tr('f.tags.hint')),
            h('fieldset', { class: 'checks-field', 'aria-labelledby': contactLegendId },
                h('legend', { id: contactLegendId, class: 'sub-title', text: tr('f.contact') }),
                field(tr('f.contact.name'), { name: 'contactName', autocomplete: 'off' }),
                h('div', { class: 'field-row' },
                    field(tr('f.contact.email'), { name: 'contactEmail', type: 'email', autocomplete: 'off' }),
                    field(tr('f.contact.phone'), { name: 'contactPhone', type: 'tel', autocomplete: 'off' }))),
        ];
        const payload = (f) => {
            const value = (name) => f.elements[name].value.trim();
            const json = { name: value('name'), registrationNo: value('registrationNo') || null, industry: value('industry') || null,
                region: value('region') || null, annualRevenue: value('annualRevenue') ? Number(value('annualRevenue')) : null,
                employees: value('employees') ? Number(value('employees')) : null, tags: list(value('tags')) };
            if (value('contactName') || value('contactEmail') || value('contactPhone')) {
                json.contacts = [{ name: value('contactName') || value('name'), emails: value('contactEmail') ? [value('contactEmail')] : [],
                    phones: value('contactPhone') ? [value('contactPhone')] : [] }];
            }
            return json;
        };
        for (const wrapper of body.flat()) {
            wrapper.addEventListener('input', (event) => {
                if (confirmed && ['name', 'registrationNo', 'contactEmail', 'contactPhone'].includes(event.target.name)) {
                    confirmed = false;
                    warning.replaceChildren();
                    event.target.form.querySelector('button[type=submit]').textContent = tr('create.submit');
                }
            });
        }
        let created = null;
        await formDialog({
            title: tr('create.title'), submitLabel: tr('create.submit'), cancelLabel: tr('common.cancel'), wide: true, body,
            onSubmit: async (f) => {
                const json = payload(f);
                if (!json.name) {
                    const error = new Error(tr('name.required'));
                    error.fields = { name: tr('name.required') };
                    throw error;
                }
                if (!confirmed) {
                    const probe = new URLSearchParams({ name: json.name });
                    if (json.registrationNo) {
                        probe.set('registrationNo', json.registrationNo);
                    }
                    const contact = (json.contacts || [])[0];
                    if (contact && contact.emails[0]) {
                        probe.set('email', contact.emails[0]);
                    }
                    if (contact && contact.phones[0]) {
                        probe.set('phone', contact.phones[0]);
                    }
                    const found = (await api(`/api/v1/clients/duplicates?${probe}`)).items || [];
                    if (found.length) {
                        confirmed = true;
                        drawDuplicates(warning, found, f, json);
                        f.querySelector('button[type=submit]').textContent = tr('create.anyway');
                        throw new Error(tr('dup.stop'));
                    }
                }
                created = await api('/api/v1/clients', { json });
            },
        });
        if (created && created.id) {
            show('success', tr('created', { name: created.name }));
            ctx.navigate(`#/client/${created.id}`);
        }
    }

    function drawDuplicates(warning, found, f, json) {
        const byClient = new Map();
        for (const d of found) {
            if (!byClient.has(d.clientId)) {
                byClient.set(d.clientId, { name: d.clientName, reasons: [] });
            }
            byClient.get(d.clientId).reasons.push(`${tr(`dup.reason.${d.reason}`)}${d.value ? ` (${d.value})` : ''}`);
        }
        replace(warning, h('div', { class: 'msg msg-info' },
            h('strong', { text: tr('dup.title') }),
            h('ul', {}, [...byClient].map(([id, d]) => h('li', { 'data-duplicate': id },
                h('span', { class: 'dup-name', text: d.name }), ` — ${d.reasons.join(', ')}`,
                h('span', { class: 'inline-actions' },
                    h('a', { class: 'btn btn-small btn-secondary', href: `#/client/${id}`, text: tr('dup.open'),
                        'aria-label': tr('dup.open.label', { name: d.name }), onClick: () => f.closest('dialog').close() }),
                    h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('dup.merge'),
                        'aria-label': tr('dup.merge.label', { name: d.name }), onClick: (e) => mergeInto(e.target, f, id, d.name, json) })))))));
    }

    async function mergeInto(button, f, targetId, targetName, json) {
        button.disabled = true;
        try {
            const created = await api('/api/v1/clients', { json });
            await api(`/api/v1/clients/${targetId}/merge`, { json: { sourceId: created.id } });
            f.closest('dialog').close();
            show('success', tr('merged', { name: targetName }));
            ctx.navigate(`#/client/${targetId}`);
        } catch (e) {
            button.disabled = false;
            const errors = f.querySelector('.dialog-messages');
            replace(errors, message('error', e.message));
        }
    }

    const [dir, regionStats, industryStats] = await Promise.all([managers(api),
        api('/api/v1/clients/stats?by=region').catch(() => ({ counts: {} })),
        api('/api/v1/clients/stats?by=industry').catch(() => ({ counts: {} }))]);
    directory = dir;
    addUnknown(regionSelect.querySelector('select'), REGIONS, regionStats.counts, state.region);
    addUnknown(industrySelect.querySelector('select'), INDUSTRIES, industryStats.counts, state.industry);
    if (directory.available) {
        for (const m of directory.items) {
            managerSelect.querySelector('select').append(h('option', { value: String(m.userId), text: m.displayName || m.username,
                selected: state.manager === String(m.userId) }));
        }
    }
    await load();
}
