// Retention (#/retention): how long each kind of personal data is kept and whether it is then
// deleted or anonymised (kinds come from the installed modules); run the rules now; past runs with
// what each rule did.
import { h, replace, message } from '/console/dom.js';
import { field, formDialog } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { withLabels, statusLine, table, badge, label, at, hasRole } from './common.js';

const TEXT = withLabels({
    en: {
        'rules': 'Retention rules', 'runs': 'Runs', 'run': 'Run now', 'running': 'Retention run #{id} started.', 'col.kind': 'Data', 'col.module': 'Module',
        'col.keep': 'Kept for', 'col.then': 'Then', 'col.on': 'Active', 'col.changed': 'Changed', 'days': '{n} days', 'default': 'default',
        'edit': 'Edit', 'edit.label': 'Edit the rule for {kind}', 'edit.title': 'Retention of {kind}', 'f.days': 'Keep for (days)', 'f.action': 'Then',
        'f.enabled': 'Apply this rule', 'saved': 'Rule for {kind} saved.', 'col.started': 'Started', 'col.by': 'By', 'col.result': 'Result',
        'col.affected': 'Records', 'ok': 'done', 'failed': 'failed', 'inProgress': 'running', 'runs.none': 'No runs yet.', 'details': 'Details',
    },
    zh: {
        'rules': '保留规则', 'runs': '执行记录', 'run': '立即执行', 'running': '保留任务 #{id} 已开始。', 'col.kind': '数据', 'col.module': '模块',
        'col.keep': '保留期限', 'col.then': '到期后', 'col.on': '启用', 'col.changed': '修改', 'days': '{n} 天', 'default': '默认',
        'edit': '编辑', 'edit.label': '编辑 {kind} 的规则', 'edit.title': '{kind} 的保留规则', 'f.days': '保留天数', 'f.action': '到期后',
        'f.enabled': '启用此规则', 'saved': '{kind} 的规则已保存。', 'col.started': '开始时间', 'col.by': '发起', 'col.result': '结果',
        'col.affected': '记录数', 'ok': '完成', 'failed': '失败', 'inProgress': '进行中', 'runs.none': '尚无执行记录。', 'details': '详情',
    },
});

export async function render(container, ctx) {
    const { api, lang, announce } = ctx;
    const tr = translator(TEXT, lang);
    const [status, show] = statusLine(announce);
    const isAdmin = hasRole(ctx, 'admin');
    const rules = h('div');
    const runs = h('div');
    replace(container, status,
        h('section', { class: 'panel', 'aria-labelledby': 'rules-title' }, h('div', { class: 'panel-head' },
            h('h2', { id: 'rules-title', class: 'section-title', text: tr('rules') }),
            isAdmin ? h('button', { type: 'button', class: 'btn btn-secondary', text: tr('run'), onClick: runNow }) : null), rules),
        h('section', { class: 'panel', 'aria-labelledby': 'runs-title' }, h('h2', { id: 'runs-title', class: 'section-title', text: tr('runs') }), runs));

    const kindName = (r) => (r.labels && (r.labels[lang] || r.labels.en)) || r.kind;

    async function load() {
        let data;
        try {
            data = await api('/api/v1/compliance/retention');
        } catch (e) {
            replace(rules, message('error', e.message));
            return;
        }
        replace(rules, table([tr('col.kind'), tr('col.module'), tr('col.keep'), tr('col.then'), tr('col.on'), tr('col.changed'), ''],
            data.rules.map((r) => h('tr', { 'data-rule': `${r.provider}/${r.kind}` },
                h('td', { text: kindName(r) }), h('td', { text: r.provider }),
                h('td', {}, tr('days', { n: r.days }), r.custom ? null : h('span', { class: 'small muted', text: ` (${tr('default')})` })),
                h('td', { text: label(tr, 'action', r.action) }),
                h('td', {}, badge(tr(r.enabled ? 'yes' : 'no'), r.enabled ? 'ok' : '')),
                h('td', { class: 'small', text: r.updatedBy ? `${r.updatedBy}, ${at(r.updatedAt, lang)}` : '—' }),
                h('td', {}, isAdmin ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('edit'),
                    'aria-label': tr('edit.label', { kind: kindName(r) }), onClick: () => edit(r) }) : null))), { 'data-table': 'retention-rules' }));
        replace(runs, data.runs.length ? table([tr('col.started'), tr('col.by'), tr('col.result'), tr('col.affected'), tr('details')],
            data.runs.map((run) => h('tr', { 'data-run': run.id },
                h('td', { text: at(run.startedAt, lang) }), h('td', { text: run.trigger }),
                h('td', {}, run.ok === null ? badge(tr('inProgress'), 'info') : badge(tr(run.ok ? 'ok' : 'failed'), run.ok ? 'ok' : 'danger')),
                h('td', { class: 'num', text: String(run.affected) }),
                h('td', {}, h('details', {}, h('summary', { text: tr('details') }), h('ul', { class: 'plain-list small' },
                    JSON.parse(run.report || '[]').map((line) => h('li', { text: [line.provider, line.kind, line.action, line.count !== undefined ? `${line.count}` : null,
                        line.skipped, line.error].filter((x) => x !== null && x !== undefined).join(' · ') })))))))) : h('p', { class: 'muted', text: tr('runs.none') }));
    }

    async function edit(r) {
        await formDialog({
            title: tr('edit.title', { kind: kindName(r) }), submitLabel: tr('common.save'), cancelLabel: tr('common.cancel'),
            body: [field(tr('f.days'), { name: 'days', type: 'number', min: 1, max: 36500, required: true, value: r.days }),
                field(tr('f.action'), { tag: 'select', name: 'action', children: r.actions.map((a) => h('option', { value: a, text: label(tr, 'action', a), selected: a === r.action })) }),
                h('div', { class: 'check' }, h('input', { type: 'checkbox', id: 'rule-enabled', name: 'enabled', checked: r.enabled }),
                    h('label', { for: 'rule-enabled', text: tr('f.enabled') }))],
            onSubmit: async (f) => {
                await api(`/api/v1/compliance/retention/rules/${encodeURIComponent(r.provider)}/${encodeURIComponent(r.kind)}`, { method: 'PUT',
                    json: { days: Number(f.elements.days.value), action: f.elements.action.value, enabled: f.elements.enabled.checked } });
                show('success', tr('saved', { kind: kindName(r) }));
            },
        });
        await load();
    }

    async function runNow() {
        try {
            const started = await api('/api/v1/compliance/retention/run', { method: 'POST' });
            show('success', tr('running', { id: started.id }));
        } catch (e) {
            show('error', e.message);
        }
        await load();
        setTimeout(load, 2000);
    }

    await load();
}
