// The staff inbox: every conversation across channels with filters (mine, unassigned, waiting,
// closed, channel), the open thread with the client's profile beside it, and reply, internal
// note, assign / transfer, hand-over and close. Route: #/inbox[/<conversation id>], filters in
// the query part: #/inbox/42?view=mine&channel=email. Client text is only ever shown as text.
import { h, replace, message, when } from '/console/dom.js';
import { translator } from '/console/i18n.js';
import { LABELS, useStyles, statusBadge, channelBadge, messageBadge, label } from './common.js';

const TEXT = {
    en: {
        ...LABELS.en,
        'title': 'Inbox', 'view': 'Show', 'view.mine': 'Mine', 'view.unassigned': 'Unassigned', 'view.waiting': 'Waiting for staff',
        'view.open': 'All open', 'view.closed': 'Closed', 'channel': 'Channel', 'channel.any': 'All channels',
        'list': 'Conversations', 'empty': 'No conversations here.', 'loading': 'Loading…', 'more': 'Show more',
        'pick': 'Choose a conversation on the left.', 'unassigned': 'Unassigned', 'assigned': 'Assigned to {name}',
        'reply': 'Reply to the client', 'reply.send': 'Send reply', 'note': 'Internal note', 'note.add': 'Add note',
        'note.placeholder': 'Only staff see notes.', 'text.empty': 'Write something first.',
        'sent': 'Reply queued.', 'noted': 'Note added.', 'assign': 'Assign to', 'assign.reason': 'Reason (optional)',
        'assign.do': 'Assign', 'assign.nobody': 'Nobody', 'assigned.done': 'Assigned.', 'handover': 'Take over from the bot',
        'handover.done': 'You are on it: the bot stays quiet.', 'close': 'Close conversation', 'closed.done': 'Conversation closed.',
        'profile': 'Client', 'profile.none': 'Not a known contact: an unidentified lead.', 'profile.open': 'Open client record',
        'profile.tier': 'Tier', 'profile.stage': 'Stage', 'profile.risk': 'Churn risk', 'profile.contact': 'Contact',
        'profile.unavailable': 'The client record cannot be shown.', 'handover.summary': 'Why a person is needed: {summary}',
        'intent': 'intent: {intent}', 'sources': 'Sources', 'subject': 'Subject: {subject}', 'messages': 'Messages',
        'refresh': 'Refresh', 'back': 'Back to the list', 'attachments': 'Attachments: {names}',
    },
    zh: {
        ...LABELS.zh,
        'title': '收件箱', 'view': '显示', 'view.mine': '我的', 'view.unassigned': '未分配', 'view.waiting': '待人工回复',
        'view.open': '全部进行中', 'view.closed': '已关闭', 'channel': '渠道', 'channel.any': '全部渠道',
        'list': '会话', 'empty': '这里没有会话。', 'loading': '加载中…', 'more': '显示更多',
        'pick': '请在左侧选择一个会话。', 'unassigned': '未分配', 'assigned': '负责人：{name}',
        'reply': '回复客户', 'reply.send': '发送回复', 'note': '内部备注', 'note.add': '添加备注',
        'note.placeholder': '备注仅员工可见。', 'text.empty': '请先填写内容。',
        'sent': '回复已进入发送队列。', 'noted': '备注已添加。', 'assign': '分配给', 'assign.reason': '原因（可选）',
        'assign.do': '分配', 'assign.nobody': '不分配', 'assigned.done': '已分配。', 'handover': '接管（机器人停止回复）',
        'handover.done': '已由您接管，机器人不再回复。', 'close': '关闭会话', 'closed.done': '会话已关闭。',
        'profile': '客户', 'profile.none': '未识别的联系人（潜在客户）。', 'profile.open': '打开客户档案',
        'profile.tier': '分层', 'profile.stage': '阶段', 'profile.risk': '流失风险', 'profile.contact': '联系人',
        'profile.unavailable': '无法显示客户档案。', 'handover.summary': '需要人工处理的原因：{summary}',
        'intent': '意图：{intent}', 'sources': '参考资料', 'subject': '主题：{subject}', 'messages': '消息',
        'refresh': '刷新', 'back': '返回列表', 'attachments': '附件：{names}',
    },
};

const VIEWS = ['mine', 'unassigned', 'waiting', 'open', 'closed'];
const PAGE = 50;

function parseHash(ctx) {
    const raw = (ctx.params || []).join('/');
    const [path, query = ''] = raw.split('?');
    const params = new URLSearchParams(query);
    const id = /^\d+$/.test(path) ? Number(path) : null;
    const view = VIEWS.includes(params.get('view')) ? params.get('view') : 'mine';
    const channel = ['email', 'sms', 'webchat'].includes(params.get('channel')) ? params.get('channel') : '';
    return { id, view, channel };
}

function hashFor(state) {
    const q = new URLSearchParams({ view: state.view });
    if (state.channel) {
        q.set('channel', state.channel);
    }
    return `#/inbox/${state.id || ''}?${q}`;
}

function listQuery(state, page) {
    const q = new URLSearchParams({ page: String(page), size: String(PAGE) });
    if (state.view === 'mine') {
        q.set('assignee', 'me');
    } else if (state.view === 'unassigned') {
        q.set('unassigned', 'true');
    } else if (state.view === 'waiting') {
        q.set('status', 'waiting');
    } else if (state.view === 'closed') {
        q.set('status', 'closed');
    }
    if (state.channel) {
        q.set('channel', state.channel);
    }
    return `/api/v1/conversations?${q}`;
}

export async function render(container, ctx) {
    useStyles();
    const tr = translator(TEXT, ctx.lang);
    const state = parseHash(ctx);
    const status = h('div', { 'aria-live': 'polite' });
    const listEl = h('ul', { class: 'inbox-list', 'aria-label': tr('list') });
    const threadPane = h('section', { class: 'panel', 'aria-label': tr('messages') });

    const viewSelect = h('select', { id: 'inbox-view', name: 'view' },
        VIEWS.map((v) => h('option', { value: v, selected: v === state.view, text: tr(`view.${v}`) })));
    const channelSelect = h('select', { id: 'inbox-channel', name: 'channel' },
        h('option', { value: '', text: tr('channel.any') }),
        ['email', 'sms', 'webchat'].map((c) => h('option', { value: c, selected: c === state.channel, text: label(tr, 'channel', c) })));
    const onFilter = () => ctx.navigate(hashFor({ ...state, view: viewSelect.value, channel: channelSelect.value }));
    viewSelect.addEventListener('change', onFilter);
    channelSelect.addEventListener('change', onFilter);

    replace(container,
        status,
        h('div', { class: 'inbox' },
            h('section', { class: 'panel' },
                h('div', { class: 'filters' },
                    h('div', { class: 'field' }, h('label', { for: 'inbox-view', text: tr('view') }), viewSelect),
                    h('div', { class: 'field' }, h('label', { for: 'inbox-channel', text: tr('channel') }), channelSelect),
                    h('button', { type: 'button', class: 'btn', onClick: () => loadList(1), text: tr('refresh') })),
                listEl),
            threadPane));

    let page = 1;
    async function loadList(p) {
        page = p;
        if (p === 1) {
            replace(listEl, h('li', { class: 'muted', text: tr('loading') }));
        }
        try {
            const data = await ctx.api(listQuery(state, p));
            if (p === 1) {
                replace(listEl);
            } else {
                listEl.querySelector('.more-item')?.remove();
            }
            if (data.items.length === 0 && p === 1) {
                listEl.append(h('li', { class: 'muted empty', text: tr('empty') }));
            }
            for (const c of data.items) {
                listEl.append(h('li', {},
                    h('a', { class: 'inbox-item', href: hashFor({ ...state, id: c.id }), 'data-conversation': c.id,
                        'aria-current': c.id === state.id ? 'true' : 'false' },
                        h('div', { class: 'who', text: c.name || c.address }),
                        h('div', { class: 'preview', text: c.lastMessage || c.subject || '' }),
                        h('div', { class: 'meta' }, channelBadge(tr, c.channel), statusBadge(tr, c.status),
                            h('span', { text: when(c.lastMessageAt, ctx.lang) })))));
            }
            if (data.total > p * PAGE) {
                listEl.append(h('li', { class: 'more-item' }, h('button', { type: 'button', class: 'btn', onClick: () => loadList(p + 1),
                    text: tr('more') })));
            }
        } catch (e) {
            replace(listEl, h('li', {}, message('error', e.message)));
        }
    }

    await loadList(1);
    if (state.id) {
        await renderThread(threadPane, ctx, tr, state.id, status, () => loadList(page));
    } else {
        replace(threadPane, h('p', { class: 'muted', text: tr('pick') }));
    }
}

async function renderThread(pane, ctx, tr, id, status, refreshList) {
    replace(pane, h('p', { class: 'muted', text: tr('loading') }));
    let conversation;
    let messages;
    try {
        [conversation, messages] = await Promise.all([ctx.api(`/api/v1/conversations/${id}`),
            ctx.api(`/api/v1/conversations/${id}/messages`).then((data) => data.items)]);
    } catch (e) {
        replace(pane, message('error', e.message));
        return;
    }
    const reload = async (note) => {
        await renderThread(pane, ctx, tr, id, status, refreshList);
        await refreshList();
        if (note) {
            ctx.announce(note);
            replace(status, message('success', note));
        }
    };
    const head = h('div', { class: 'detail-head' },
        h('h2', { text: conversation.name || conversation.address }),
        h('div', { class: 'badges' }, channelBadge(tr, conversation.channel), statusBadge(tr, conversation.status),
            h('span', { class: 'badge', 'data-mode': conversation.mode, text: label(tr, 'mode', conversation.mode) }),
            h('span', { class: 'badge-caption', text: conversation.assigneeName ? tr('assigned', { name: conversation.assigneeName })
                : tr('unassigned') })));
    const thread = h('ol', { class: 'thread', 'aria-label': tr('messages') }, messages.map((m) => bubble(tr, ctx, m)));
    const profile = h('aside', { class: 'panel', 'aria-label': tr('profile') }, h('h3', { text: tr('profile') }));
    replace(pane,
        head,
        conversation.subject ? h('p', { class: 'muted', text: tr('subject', { subject: conversation.subject }) }) : null,
        conversation.handoverSummary && conversation.mode === 'human'
            ? h('p', { class: 'msg msg-info handover-note', text: tr('handover.summary', { summary: conversation.handoverSummary }) }) : null,
        h('div', { class: 'thread-grid' },
            h('div', {}, thread, composer(ctx, tr, conversation, reload)),
            profile));
    thread.scrollTop = thread.scrollHeight;
    fillProfile(profile, ctx, tr, conversation);
}

function bubble(tr, ctx, m) {
    const kind = m.direction === 'note' ? (m.author === 'system' ? 'system' : 'note') : m.direction;
    const who = m.staffName || label(tr, 'author', m.author);
    return h('li', { class: `bubble ${kind}`, 'data-message': m.id, 'data-author': m.author },
        h('div', { class: 'byline' }, h('strong', { text: who }), h('span', { text: when(m.createdAt, ctx.lang) }),
            m.intent ? h('span', { text: tr('intent', { intent: m.intent }) }) : null,
            m.direction === 'outbound' ? messageBadge(tr, m.status) : null),
        h('p', { class: 'text', text: m.text }),
        m.statusDetail && ['blocked', 'failed', 'deferred', 'bounced', 'withdrawn'].includes(m.status)
            ? h('p', { class: 'item-meta', text: m.statusDetail }) : null,
        m.attachments && m.attachments.length ? h('p', { class: 'item-meta',
            text: tr('attachments', { names: m.attachments.map((a) => a.name).join(', ') }) }) : null,
        m.sources && m.sources.length ? h('ul', { class: 'sources', 'aria-label': tr('sources') },
            m.sources.map((s) => h('li', {}, h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', text: s.title })))) : null);
}

function composer(ctx, tr, conversation, reload) {
    const replyText = h('textarea', { id: 'inbox-reply', name: 'reply', maxlength: '20000' });
    const noteText = h('textarea', { id: 'inbox-note', name: 'note', placeholder: tr('note.placeholder'), maxlength: '20000' });
    const feedback = h('div', { 'aria-live': 'assertive' });
    const post = async (path, json, done) => {
        try {
            await ctx.api(`/api/v1/conversations/${conversation.id}/${path}`, { method: 'POST', json });
            await reload(done);
        } catch (e) {
            replace(feedback, message('error', e.message));
        }
    };
    const send = (textarea, path, done) => async (event) => {
        event.preventDefault();
        const text = textarea.value.trim();
        if (!text) {
            replace(feedback, message('error', tr('text.empty')));
            textarea.focus();
            return;
        }
        await post(path, { text }, done);
    };
    const staffSelect = h('select', { id: 'inbox-assign', name: 'assignee' }, h('option', { value: '', text: tr('assign.nobody') }));
    const reason = h('input', { id: 'inbox-assign-reason', name: 'reason', maxlength: '500' });
    ctx.api('/api/v1/conversations/staff').then((data) => {
        for (const s of data.items) {
            staffSelect.append(h('option', { value: String(s.id), selected: s.id === conversation.assigneeId, text: s.displayName }));
        }
    }, () => {});
    return h('div', { class: 'composer' },
        feedback,
        h('form', { onSubmit: send(replyText, 'reply', tr('sent')) },
            h('div', { class: 'field' }, h('label', { for: 'inbox-reply', text: tr('reply') }), replyText),
            h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'btn btn-primary', text: tr('reply.send') }))),
        h('form', { onSubmit: send(noteText, 'notes', tr('noted')) },
            h('div', { class: 'field' }, h('label', { for: 'inbox-note', text: tr('note') }), noteText),
            h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'btn', text: tr('note.add') }))),
        h('form', { class: 'filters', onSubmit: async (event) => {
            event.preventDefault();
            await post('assign', { staffId: staffSelect.value ? Number(staffSelect.value) : null, reason: reason.value || null },
                tr('assigned.done'));
        } },
            h('div', { class: 'field' }, h('label', { for: 'inbox-assign', text: tr('assign') }), staffSelect),
            h('div', { class: 'field wide' }, h('label', { for: 'inbox-assign-reason', text: tr('assign.reason') }), reason),
            h('div', { class: 'filters-actions' }, h('button', { type: 'submit', class: 'btn', text: tr('assign.do') }))),
        h('div', { class: 'buttons' },
            conversation.mode === 'bot' && conversation.status !== 'closed'
                ? h('button', { type: 'button', class: 'btn', onClick: () => post('handover', {}, tr('handover.done')), text: tr('handover') })
                : null,
            conversation.status !== 'closed'
                ? h('button', { type: 'button', class: 'btn', onClick: () => post('close', {}, tr('closed.done')), text: tr('close') })
                : null));
}

async function fillProfile(profile, ctx, tr, conversation) {
    if (!conversation.clientId) {
        profile.append(h('p', { class: 'muted', text: tr('profile.none') }), h('p', { class: 'item-meta', text: conversation.address }));
        return;
    }
    try {
        const client = await ctx.api(`/api/v1/clients/${conversation.clientId}`);
        const standing = client.standing || {};
        profile.append(
            h('p', {}, h('strong', { text: client.name })),
            h('dl', { class: 'kv' },
                h('dt', { text: tr('profile.contact') }), h('dd', { text: conversation.name || conversation.address }),
                h('dt', { text: tr('profile.tier') }), h('dd', { text: standing.tier || '—' }),
                h('dt', { text: tr('profile.stage') }), h('dd', { text: standing.stage || '—' }),
                h('dt', { text: tr('profile.risk') }), h('dd', { text: standing.churnRisk ?? '—' })),
            h('p', {}, h('a', { href: `#/client/${client.id}`, text: tr('profile.open') })));
    } catch (e) {
        profile.append(h('p', { class: 'muted', text: tr('profile.unavailable') }));
    }
}
