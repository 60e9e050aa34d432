// Policies (#/policies): the compliance policies in force, each to read and acknowledge; admins
// publish a policy or a new version of it (everyone acknowledges the new version); admins and
// auditors see who acknowledged each version and who has not.
import { h, replace, message } from '/console/dom.js';
import { field, formDialog } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { withLabels, statusLine, table, badge, at, hasRole } from './common.js';

const TEXT = withLabels({
    en: {
        'intro': 'Read each policy and confirm that you did. A changed policy must be acknowledged again.', 'none': 'No policies are in force.',
        'ack': 'I have read and accept this policy', 'ack.label': 'Acknowledge {title}', 'acked': 'Acknowledged {when}', 'pending': 'To acknowledge',
        'acked.msg': 'Thank you: "{title}" acknowledged.', 'version': 'version {n}, published {when} by {by}',
        'publish': 'Publish a policy…', 'publish.title': 'Publish a policy', 'revise': 'New version…', 'revise.label': 'Publish a new version of {title}',
        'f.code': 'Code', 'f.code.hint': 'Lower-case letters, digits and dashes; the same code publishes a new version.', 'f.title': 'Title', 'f.body': 'Text',
        'published': '"{title}" version {n} published.', 'standing': 'Who has acknowledged', 'standing.label': 'Who has acknowledged {title}',
        'done': 'Acknowledged ({n})', 'notYet': 'Not yet ({n})', 'retire': 'Retire', 'retire.confirm': 'Retire "{title}"? Nobody will be asked to acknowledge it.',
        'retired': '"{title}" retired.',
    },
    zh: {
        'intro': '请阅读每项制度并确认。制度修改后需要重新确认。', 'none': '当前没有生效的制度。',
        'ack': '我已阅读并接受本制度', 'ack.label': '确认 {title}', 'acked': '已于 {when} 确认', 'pending': '待确认',
        'acked.msg': '谢谢：已确认“{title}”。', 'version': '第 {n} 版，{by} 于 {when} 发布',
        'publish': '发布制度…', 'publish.title': '发布制度', 'revise': '发布新版本…', 'revise.label': '发布 {title} 的新版本',
        'f.code': '代码', 'f.code.hint': '小写字母、数字和连字符；使用相同代码即发布新版本。', 'f.title': '标题', 'f.body': '正文',
        'published': '已发布“{title}”第 {n} 版。', 'standing': '确认情况', 'standing.label': '{title} 的确认情况',
        'done': '已确认（{n}）', 'notYet': '未确认（{n}）', 'retire': '停用', 'retire.confirm': '停用“{title}”？将不再要求员工确认。',
        'retired': '已停用“{title}”。',
    },
});

export async function render(container, ctx) {
    const { api, lang, announce } = ctx;
    const tr = translator(TEXT, lang);
    const [status, show] = statusLine(announce);
    const isAdmin = hasRole(ctx, 'admin');
    const seesStanding = hasRole(ctx, 'admin', 'auditor');
    const list = h('div');
    replace(container, status, h('div', { class: 'toolbar' }, h('p', { class: 'muted', text: tr('intro') }),
        isAdmin ? h('button', { type: 'button', class: 'btn btn-primary', text: tr('publish'), onClick: () => publish(null) }) : null), list);

    async function load() {
        let data;
        try {
            data = await api('/api/v1/compliance/policies');
        } catch (e) {
            replace(list, message('error', e.message));
            return;
        }
        replace(list, data.items.length ? data.items.map((p) => h('article', { class: 'panel', 'data-policy': p.code, 'aria-labelledby': `policy-${p.id}` },
            h('div', { class: 'panel-head' }, h('h2', { id: `policy-${p.id}`, class: 'section-title', text: p.title }),
                p.acknowledgedAt ? badge(tr('acked', { when: at(p.acknowledgedAt, lang) }), 'ok') : badge(tr('pending'), 'warn')),
            h('p', { class: 'small muted', text: tr('version', { n: p.version, when: at(p.publishedAt, lang), by: p.publishedBy }) }),
            h('div', { class: 'policy-body wrap' }, p.body.split(/\n{2,}/).map((para) => h('p', { text: para }))),
            h('div', { class: 'row-actions' },
                p.acknowledgedAt ? null : h('button', { type: 'button', class: 'btn btn-primary', text: tr('ack'), 'aria-label': tr('ack.label', { title: p.title }),
                    'data-acknowledge': p.id, onClick: () => acknowledge(p) }),
                seesStanding ? h('button', { type: 'button', class: 'btn btn-secondary', text: tr('standing'), 'aria-label': tr('standing.label', { title: p.title }),
                    onClick: () => standing(p) }) : null,
                isAdmin ? h('button', { type: 'button', class: 'btn btn-secondary', text: tr('revise'), 'aria-label': tr('revise.label', { title: p.title }),
                    onClick: () => publish(p) }) : null,
                isAdmin ? h('button', { type: 'button', class: 'btn btn-danger', text: tr('retire'), onClick: () => retire(p) }) : null)))
            : h('p', { class: 'muted', text: tr('none') }));
    }

    async function acknowledge(p) {
        try {
            await api(`/api/v1/compliance/policies/${p.id}/acknowledge`, { method: 'POST' });
            show('success', tr('acked.msg', { title: p.title }));
        } catch (e) {
            show('error', e.message);
        }
        await load();
    }

    async function publish(p) {
        await formDialog({
            title: p ? tr('revise.label', { title: p.title }) : tr('publish.title'), submitLabel: tr('common.save'), cancelLabel: tr('common.cancel'), wide: true,
            body: [field(tr('f.code'), { name: 'code', required: true, maxlength: 60, value: p ? p.code : '', readOnly: !!p }, tr('f.code.hint')),
                field(tr('f.title'), { name: 'title', required: true, maxlength: 200, value: p ? p.title : '' }),
                field(tr('f.body'), { tag: 'textarea', name: 'body', rows: 10, required: true, value: p ? p.body : '' })],
            onSubmit: async (f) => {
                const saved = await api('/api/v1/compliance/policies', { json: { code: f.elements.code.value.trim(), title: f.elements.title.value,
                    body: f.elements.body.value } });
                show('success', tr('published', { title: saved.title, n: saved.version }));
            },
        });
        await load();
    }

    async function standing(p) {
        let s;
        try {
            s = await api(`/api/v1/compliance/policies/${p.id}`);
        } catch (e) {
            show('error', e.message);
            return;
        }
        await formDialog({
            title: tr('standing.label', { title: p.title }), submitLabel: tr('common.cancel'), cancelLabel: tr('common.cancel'), wide: true,
            body: [h('h3', { text: tr('done', { n: s.acknowledged.length }) }),
                table(['', ''], s.acknowledged.map((a) => h('tr', {}, h('td', { text: a.name }), h('td', { text: at(a.acknowledgedAt, lang) })))),
                h('h3', { text: tr('notYet', { n: s.pending.length }) }),
                h('ul', { class: 'plain-list' }, s.pending.map((a) => h('li', { text: a.name })))],
            onSubmit: async () => {},
        });
    }

    async function retire(p) {
        if (!window.confirm(tr('retire.confirm', { title: p.title }))) {
            return;
        }
        try {
            await api(`/api/v1/compliance/policies/code/${encodeURIComponent(p.code)}`, { method: 'DELETE' });
            show('success', tr('retired', { title: p.title }));
        } catch (e) {
            show('error', e.message);
        }
        await load();
    }

    await load();
}
