// A contact's consents and privacy (#/contact-privacy/{contactId}): consent per channel and purpose
// with opt-in / opt-out (and evidence), the full history; for admins the data-subject requests:
// download everything held about the contact, or erase it everywhere (with a reason).
import { h, replace, message } from '/console/dom.js';
import { field, formDialog } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { CHANNELS, PURPOSES, withLabels, statusLine, table, badge, label, at, hasRole } from './common.js';

const TEXT = withLabels({
    en: {
        'title': 'Consents and privacy of {name}', 'back': '← Back to the client', 'bad.id': 'No contact given.', 'missing': 'There is no contact #{id}.',
        'consents': 'Consents', 'consents.intro': 'What this contact agreed to receive, per channel and purpose. Answers to their own requests are always allowed.',
        'channel': 'Channel', 'granted': 'Consented', 'optedOut': 'Opted out', 'default.granted': 'Consented (default)', 'default.none': 'No consent',
        'optIn': 'Opt in', 'optOut': 'Opt out', 'optIn.label': 'Opt {name} in to {purpose} by {channel}', 'optOut.label': 'Opt {name} out of {purpose} by {channel}',
        'evidence': 'Evidence (how the contact said so)', 'evidence.hint': 'e.g. signed form no., call on 5 May; no more than needed.',
        'saved': '{purpose} by {channel}: {state}.', 'history': 'History', 'history.none': 'No consent recorded yet.',
        'col.when': 'When', 'col.change': 'Change', 'col.source': 'Source', 'col.evidence': 'Evidence', 'col.by': 'By',
        'dsr': 'Data-subject requests', 'dsr.intro': 'Everything held about this contact, from every part of Rapport.',
        'export': 'Download all data (zip)', 'erase': 'Erase this contact…', 'erase.title': 'Erase {name} everywhere',
        'erase.warning': 'This deletes or anonymises everything held about this contact in every installed module. It cannot be undone.',
        'erase.reason': 'Reason (request reference, no names)', 'erase.confirm': 'Type ERASE to confirm', 'erase.mistyped': 'Type ERASE in capitals.',
        'erased': 'The contact was erased.', 'erased.incomplete': 'Some parts could not be erased; repeat the erasure later.',
        'col.provider': 'Module', 'col.what': 'What', 'col.action': 'Done', 'col.count': 'Records',
    },
    zh: {
        'title': '{name} 的同意与隐私', 'back': '← 返回客户', 'bad.id': '未指定联系人。', 'missing': '联系人 #{id} 不存在。',
        'consents': '同意记录', 'consents.intro': '该联系人同意接收的消息，按渠道和目的区分。对其本人咨询的答复始终允许。',
        'channel': '渠道', 'granted': '已同意', 'optedOut': '已退订', 'default.granted': '已同意（默认）', 'default.none': '未同意',
        'optIn': '同意接收', 'optOut': '退订', 'optIn.label': '为 {name} 开启 {channel}{purpose}消息', 'optOut.label': '为 {name} 退订 {channel}{purpose}消息',
        'evidence': '凭证（联系人如何表示）', 'evidence.hint': '例如签署的表单编号、某日电话；只记录必要信息。',
        'saved': '{channel}{purpose}消息：{state}。', 'history': '变更历史', 'history.none': '暂无同意记录。',
        'col.when': '时间', 'col.change': '变更', 'col.source': '来源', 'col.evidence': '凭证', 'col.by': '操作人',
        'dsr': '数据主体请求', 'dsr.intro': 'Rapport 各模块中保存的该联系人的全部数据。',
        'export': '下载全部数据（zip）', 'erase': '删除该联系人…', 'erase.title': '在所有模块中删除 {name}',
        'erase.warning': '将删除或匿名化所有已安装模块中该联系人的全部数据，且无法恢复。',
        'erase.reason': '原因（请求编号，请勿填写姓名）', 'erase.confirm': '输入 ERASE 以确认', 'erase.mistyped': '请输入大写的 ERASE。',
        'erased': '该联系人已被删除。', 'erased.incomplete': '部分数据未能删除，请稍后重试。',
        'col.provider': '模块', 'col.what': '内容', 'col.action': '处理', 'col.count': '记录数',
    },
});

export async function render(container, ctx) {
    const { api, lang, announce } = ctx;
    const tr = translator(TEXT, lang);
    const id = /^\d+$/.test(ctx.params[0] || '') ? Number(ctx.params[0]) : 0;
    const [status, show] = statusLine(announce);
    if (!id) {
        replace(container, message('error', tr('bad.id')));
        return;
    }
    let contact;
    try {
        contact = await api(`/api/v1/contacts/${id}`);
    } catch (e) {
        replace(container, h('a', { class: 'back-link', href: '#/clients', text: tr('back') }),
            message('error', e.status === 404 ? tr('missing', { id }) : e.message));
        return;
    }
    const canWrite = hasRole(ctx, 'admin', 'manager', 'agent');
    const isAdmin = hasRole(ctx, 'admin');
    const grid = h('div');
    const history = h('div');
    const dsr = h('div');
    const heading = h('h2', { class: 'client-name', tabindex: '-1', text: tr('title', { name: contact.name }) });
    replace(container, h('a', { class: 'back-link', href: `#/client/${contact.clientId}`, text: tr('back') }), status, heading,
        h('section', { class: 'panel', 'aria-labelledby': 'consents-title' }, h('h2', { id: 'consents-title', class: 'section-title', text: tr('consents') }),
            h('p', { class: 'muted small', text: tr('consents.intro') }), grid),
        h('section', { class: 'panel', 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title', class: 'section-title', text: tr('history') }), history),
        isAdmin ? h('section', { class: 'panel', 'aria-labelledby': 'dsr-title', 'data-section': 'dsr' },
            h('h2', { id: 'dsr-title', class: 'section-title', text: tr('dsr') }), h('p', { class: 'muted small', text: tr('dsr.intro') }), dsr) : null);

    async function load() {
        let data;
        try {
            data = await api(`/api/v1/contacts/${id}/consents`);
        } catch (e) {
            replace(grid, message('error', e.message));
            return;
        }
        const state = new Map(data.items.map((c) => [`${c.channel}/${c.purpose}`, c]));
        const cell = (channel, purpose) => {
            const c = state.get(`${channel}/${purpose}`);
            const text = c.explicit ? tr(c.granted ? 'granted' : 'optedOut') : tr(c.granted ? 'default.granted' : 'default.none');
            const names = { name: contact.name, purpose: label(tr, 'purpose', purpose), channel: label(tr, 'channel', channel) };
            return h('td', { 'data-consent': `${channel}/${purpose}`, 'data-granted': String(c.granted) },
                badge(text, c.granted ? 'ok' : c.explicit ? 'danger' : ''),
                c.explicit ? h('div', { class: 'small muted', text: `${c.source} · ${at(c.changedAt, lang)}` }) : null,
                canWrite ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr(c.granted ? 'optOut' : 'optIn'),
                    'aria-label': tr(c.granted ? 'optOut.label' : 'optIn.label', names), onClick: () => change(channel, purpose, !c.granted) }) : null);
        };
        replace(grid, table([tr('channel'), ...PURPOSES.map((p) => label(tr, 'purpose', p))],
            CHANNELS.map((channel) => h('tr', {}, h('th', { scope: 'row', text: label(tr, 'channel', channel) }),
                PURPOSES.map((purpose) => cell(channel, purpose)))), { 'data-table': 'consents' }));
        replace(history, data.history.length ? table([tr('col.when'), tr('col.change'), tr('col.source'), tr('col.evidence'), tr('col.by')],
            data.history.map((x) => h('tr', {}, h('td', { text: at(x.changedAt, lang) }),
                h('td', {}, `${label(tr, 'channel', x.channel)} · ${label(tr, 'purpose', x.purpose)} → `, badge(tr(x.granted ? 'granted' : 'optedOut'), x.granted ? 'ok' : 'danger')),
                h('td', { text: x.source }), h('td', { class: 'wrap', text: x.evidence || '—' }), h('td', { text: x.actor || '—' }))))
            : h('p', { class: 'muted', text: tr('history.none') }));
    }

    async function change(channel, purpose, granted) {
        const names = { name: contact.name, purpose: label(tr, 'purpose', purpose), channel: label(tr, 'channel', channel) };
        await formDialog({
            title: tr(granted ? 'optIn.label' : 'optOut.label', names), submitLabel: tr(granted ? 'optIn' : 'optOut'), cancelLabel: tr('common.cancel'),
            body: [field(tr('evidence'), { tag: 'textarea', name: 'evidence', rows: 2, maxlength: 1000 }, tr('evidence.hint'))],
            onSubmit: async (f) => {
                await api(`/api/v1/contacts/${id}/consents`, { method: 'PUT', json: { channel, purpose, granted,
                    evidence: f.elements.evidence.value.trim() || null } });
                show('success', tr('saved', { ...names, state: tr(granted ? 'granted' : 'optedOut') }));
            },
        });
        await load();
        grid.querySelector(`[data-consent="${channel}/${purpose}"] button`)?.focus();
    }

    function drawDsr() {
        replace(dsr, h('div', { class: 'toolbar-buttons' },
            h('a', { class: 'btn btn-secondary', href: `/api/v1/contacts/${id}/export`, download: `contact-${id}-export.zip`, text: tr('export') }),
            h('button', { type: 'button', class: 'btn btn-danger', text: tr('erase'), onClick: erase })));
    }

    async function erase() {
        let report = null;
        await formDialog({
            title: tr('erase.title', { name: contact.name }), submitLabel: tr('erase'), cancelLabel: tr('common.cancel'),
            body: [message('error', tr('erase.warning')), field(tr('erase.reason'), { name: 'reason', required: true, maxlength: 500 }),
                field(tr('erase.confirm'), { name: 'confirm', required: true, autocomplete: 'off' })],
            onSubmit: async (f) => {
                if (f.elements.confirm.value.trim() !== 'ERASE') {
                    const error = new Error(tr('erase.mistyped'));
                    error.fields = { confirm: tr('erase.mistyped') };
                    throw error;
                }
                report = await api(`/api/v1/contacts/${id}/erase`, { json: { reason: f.elements.reason.value.trim() } });
            },
        });
        if (!report) {
            return;
        }
        const rows = report.providers.flatMap((p) => (p.error ? [h('tr', {}, h('td', { text: p.provider }), h('td', { colspan: 3, class: 'wrap', text: p.error }))]
            : p.items.map((i) => h('tr', {}, h('td', { text: p.provider }), h('td', { text: i.what }), h('td', { text: label(tr, 'action', i.action) }),
                h('td', { class: 'num', text: String(i.count) })))));
        replace(container, h('a', { class: 'back-link', href: `#/client/${contact.clientId}`, text: tr('back') }), status,
            h('section', { class: 'panel', 'data-section': 'erased' }, h('h2', { class: 'section-title', tabindex: '-1', text: tr('erase.title', { name: `#${id}` }) }),
                table([tr('col.provider'), tr('col.what'), tr('col.action'), tr('col.count')], rows, { 'data-table': 'erasure' })));
        show(report.complete ? 'success' : 'error', tr(report.complete ? 'erased' : 'erased.incomplete'));
        container.querySelector('[data-section="erased"] h2').focus();
    }

    await load();
    if (isAdmin) {
        drawDsr();
    }
}
