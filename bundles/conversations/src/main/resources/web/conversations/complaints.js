// Complaints: the list by status (newest first), each with its reference, the client's words as
// text, a link to its conversation, and the next steps of its workflow (received → analysing →
// resolving → answered → closed; a closed one may be reopened) with a note kept in the
// conversation. Route: #/complaints[/<status>], e.g. #/complaints/received.
import { h, replace, message, when } from '/console/dom.js';
import { translator } from '/console/i18n.js';
import { useStyles } from './common.js';

const STATUSES = ['received', 'analysing', 'resolving', 'answered', 'closed'];

const TEXT = {
    en: {
        'status': 'Status', 'status.any': 'All', 'status.received': 'Received', 'status.analysing': 'Analysing',
        'status.resolving': 'Resolving', 'status.answered': 'Answered', 'status.closed': 'Closed',
        'reference': 'Reference', 'summary': 'What the client said', 'filed': 'Filed', 'updated': 'Updated', 'actions': 'Next step',
        'conversation': 'Conversation', 'open': 'Open', 'note': 'Note (kept in the conversation)', 'move': 'Move',
        'moved': 'Complaint {reference} is now {status}.', 'empty': 'No complaints here.', 'loading': 'Loading…',
        'refresh': 'Refresh', 'list': 'Complaints', 'reopen': 'Reopen',
    },
    zh: {
        'status': '状态', 'status.any': '全部', 'status.received': '已受理', 'status.analysing': '分析中',
        'status.resolving': '处理中', 'status.answered': '已答复', 'status.closed': '已结案',
        'reference': '编号', 'summary': '客户原话', 'filed': '登记时间', 'updated': '更新时间', 'actions': '下一步',
        'conversation': '会话', 'open': '打开', 'note': '备注（记录在会话中）', 'move': '更新',
        'moved': '投诉 {reference} 已更新为：{status}。', 'empty': '这里没有投诉。', 'loading': '加载中…',
        'refresh': '刷新', 'list': '投诉', 'reopen': '重新处理',
    },
};

/** The statuses a complaint may move to from {@code status}, as the server allows. */
function nextSteps(status) {
    const at = STATUSES.indexOf(status);
    return status === 'closed' ? ['resolving'] : STATUSES.slice(at + 1);
}

function statusOf(ctx) {
    const status = (ctx.params || [])[0];
    return STATUSES.includes(status) ? status : '';
}

export async function render(container, ctx) {
    useStyles();
    const tr = translator(TEXT, ctx.lang);
    const current = statusOf(ctx);
    const status = h('div', { 'aria-live': 'polite' });
    const body = h('tbody');
    const filter = h('select', { id: 'complaints-status', name: 'status' },
        h('option', { value: '', text: tr('status.any') }),
        STATUSES.map((s) => h('option', { value: s, selected: s === current, text: tr(`status.${s}`) })));
    filter.addEventListener('change', () => ctx.navigate(filter.value ? `#/complaints/${filter.value}` : '#/complaints'));

    replace(container, status,
        h('section', { class: 'panel' },
            h('div', { class: 'filters' },
                h('div', { class: 'field' }, h('label', { for: 'complaints-status', text: tr('status') }), filter),
                h('button', { type: 'button', class: 'btn', onClick: () => load(), text: tr('refresh') })),
            h('div', { class: 'table-wrap' }, h('table', { class: 'data-table all-cols complaints-table' },
                h('caption', { class: 'visually-hidden', text: tr('list') }),
                h('thead', {}, h('tr', {}, [tr('reference'), tr('summary'), tr('status'), tr('filed'), tr('conversation'), tr('actions')]
                    .map((t) => h('th', { scope: 'col', text: t })))),
                body))));

    function row(c) {
        const select = h('select', { name: 'to', 'aria-label': `${tr('actions')} ${c.reference}` },
            nextSteps(c.status).map((s) => h('option', { value: s, text: c.status === 'closed' ? tr('reopen') : tr(`status.${s}`) })));
        const note = h('input', { name: 'note', maxlength: '2000', placeholder: tr('note'), 'aria-label': tr('note') });
        const form = h('form', { class: 'inline-form', 'data-complaint-form': c.id }, select, note,
            h('button', { type: 'submit', class: 'btn', text: tr('move') }));
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            const button = form.querySelector('button');
            button.disabled = true;
            try {
                const moved = await ctx.api(`/api/v1/complaints/${c.id}/status`, { json: { status: select.value, note: note.value } });
                const text = tr('moved').replace('{reference}', moved.reference).replace('{status}', tr(`status.${moved.status}`));
                replace(status, message('ok', text));
                ctx.announce(text);
                await load();
            } catch (e) {
                replace(status, message('error', e.message));
                button.disabled = false;
            }
        });
        return h('tr', { 'data-complaint': c.id, 'data-status': c.status },
            h('td', { text: c.reference }),
            h('td', { class: 'complaint-summary', text: c.summary }),
            h('td', {}, h('span', { class: `badge ${c.status === 'closed' ? '' : 'badge-warn'}`, text: tr(`status.${c.status}`) })),
            h('td', { text: when(c.createdAt, ctx.lang) }),
            h('td', {}, h('a', { href: `#/inbox/${c.conversationId}?view=open`, text: tr('open') })),
            h('td', {}, form));
    }

    async function load() {
        replace(body, h('tr', {}, h('td', { colspan: '6', class: 'muted', text: tr('loading') })));
        try {
            const data = await ctx.api(`/api/v1/complaints${current ? `?status=${current}` : ''}`);
            replace(body, data.items.length ? data.items.map(row) : h('tr', {}, h('td', { colspan: '6', class: 'muted empty', text: tr('empty') })));
        } catch (e) {
            replace(body);
            replace(status, message('error', e.message));
        }
    }
    await load();
}
