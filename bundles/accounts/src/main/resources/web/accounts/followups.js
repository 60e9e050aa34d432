// My follow-ups (#/followups): churn alerts (mark read) and my follow-up tasks, overdue first
// (mark done), each with the way to the client.
import { h, replace, message, when } from '/console/dom.js';
import { translator } from '/console/i18n.js';
import { withLabels, label, day, daysSince } from './common.js';

const TEXT = withLabels({
    en: {
        'alerts': 'Churn alerts', 'alerts.none': 'No unread alerts.', 'alerts.unavailable': 'Alerts are not available to you.',
        'alerts.read': 'Mark read', 'alerts.read.label': 'Mark the alert about {name} read', 'alerts.readMsg': 'Alert marked read.',
        'alerts.showRead': 'Read alerts ({n})', 'kind.churn_risk': 'Churn risk', 'kind.overdue_follow_up': 'Follow-up overdue',
        'overdue': 'Overdue follow-ups', 'overdue.none': 'No overdue follow-ups. Well done.', 'upcoming': 'Upcoming follow-ups',
        'upcoming.none': 'Nothing planned.', 'days': '{n} days overdue', 'due': 'due {date}',
        'done': 'Mark done', 'done.label': 'Mark "{title}" done', 'doneMsg': '"{title}" is done.',
        'client': 'Client #{id}', 'open.label': 'Open {name}',
        'contact': 'Clients due for contact', 'contact.mine': 'My clients past their follow-up date, most overdue first.',
        'contact.all': 'Clients past their follow-up date (all managers), most overdue first.', 'contact.none': 'Every client was contacted on time.',
        'contact.due': 'contact due {date}',
    },
    zh: {
        'alerts': '流失预警', 'alerts.none': '没有未读预警。', 'alerts.unavailable': '您无权查看预警。',
        'alerts.read': '标为已读', 'alerts.read.label': '将关于 {name} 的预警标为已读', 'alerts.readMsg': '预警已标为已读。',
        'alerts.showRead': '已读预警（{n}）', 'kind.churn_risk': '流失风险', 'kind.overdue_follow_up': '跟进逾期',
        'overdue': '逾期跟进', 'overdue.none': '没有逾期跟进，干得好。', 'upcoming': '即将到期的跟进',
        'upcoming.none': '暂无计划。', 'days': '逾期 {n} 天', 'due': '截止 {date}',
        'done': '标记完成', 'done.label': '将“{title}”标记为完成', 'doneMsg': '“{title}”已完成。',
        'client': '客户 #{id}', 'open.label': '打开 {name}',
        'contact': '待联系的客户', 'contact.mine': '我负责的、已超过跟进日期的客户，逾期最久的在前。',
        'contact.all': '已超过跟进日期的客户（全部经理），逾期最久的在前。', 'contact.none': '所有客户都已按时联系。',
        'contact.due': '应于 {date} 联系',
    },
});

export async function render(container, ctx) {
    const { api, lang, announce } = ctx;
    const tr = translator(TEXT, lang);
    const status = h('div', { class: 'page-messages', 'aria-live': 'polite' });
    function show(kind, text) {
        replace(status, message(kind, text));
        if (kind !== 'error') {
            announce(text);
        }
    }
    const names = new Map();
    async function clientNames(ids) {
        const missing = [...new Set(ids)].filter((id) => id && !names.has(id)).slice(0, 40);
        await Promise.all(missing.map(async (id) => {
            try {
                names.set(id, (await api(`/api/v1/clients/${id}`)).name);
            } catch (e) {
                names.set(id, tr('client', { id }));
            }
        }));
    }
    const clientLink = (id) => h('a', { class: 'link-strong', href: `#/client/${id}`, text: names.get(id) || tr('client', { id }) });

    const section = (key, title) => {
        const content = h('div');
        return [h('section', { class: 'panel', 'aria-labelledby': `followups-${key}-title`, 'data-section': key },
            h('h2', { id: `followups-${key}-title`, class: 'section-title', tabindex: '-1', text: title }), content), content];
    };
    const [alertsPanel, alertsBody] = section('alerts', tr('alerts'));
    const [overduePanel, overdueBody] = section('overdue', tr('overdue'));
    const [upcomingPanel, upcomingBody] = section('upcoming', tr('upcoming'));
    const [contactPanel, contactBody] = section('contact', tr('contact'));
    const isManager = (ctx.user.roles || []).includes('manager');
    const seesAccounts = isManager || (ctx.user.roles || []).includes('admin');
    replace(container, status, h('div', { class: 'detail-grid' }, h('div', {}, overduePanel, upcomingPanel, seesAccounts ? contactPanel : null),
        h('div', {}, alertsPanel)));

    async function loadAlerts() {
        let items;
        try {
            items = (await api('/api/v1/alerts')).items || [];
        } catch (e) {
            replace(alertsBody, h('p', { class: 'muted', text: e.status === 403 ? tr('alerts.unavailable') : e.message }));
            return;
        }
        await clientNames(items.map((a) => a.clientId));
        const unread = items.filter((a) => !a.readAt);
        const read = items.filter((a) => a.readAt);
        const item = (a) => h('li', { 'data-alert': a.id },
            h('div', { class: 'item-head' },
                h('span', {}, h('span', { class: `badge ${a.kind === 'churn_risk' ? 'badge-danger' : 'badge-warn'}`,
                    text: tr(`kind.${a.kind}`) === `kind.${a.kind}` ? a.kind : tr(`kind.${a.kind}`) }), ' ', clientLink(a.clientId)),
                !a.readAt ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('alerts.read'),
                    'aria-label': tr('alerts.read.label', { name: names.get(a.clientId) || a.clientId }), onClick: () => markRead(a) }) : null),
            h('p', { class: 'wrap', text: (lang === 'zh' ? a.zh || a.en : a.en || a.zh) || '' }),
            h('div', { class: 'item-meta', text: when(a.createdAt, lang) }));
        replace(alertsBody,
            unread.length ? h('ul', { class: 'plain-list' }, unread.map(item)) : h('p', { class: 'ok-line', text: tr('alerts.none') }),
            read.length ? h('details', { class: 'chart-data' }, h('summary', { text: tr('alerts.showRead', { n: read.length }) }),
                h('ul', { class: 'plain-list' }, read.map(item))) : null);
    }

    async function markRead(a) {
        try {
            await api(`/api/v1/alerts/${a.id}/read`, { method: 'POST' });
            show('success', tr('alerts.readMsg'));
        } catch (e) {
            show('error', e.message);
        }
        await loadAlerts();
        alertsPanel.querySelector('h2').focus();
    }

    async function loadTasks() {
        let overdue;
        let open;
        try {
            [overdue, open] = await Promise.all([api('/api/v1/tasks?owner=me&overdue=true&limit=200'), api('/api/v1/tasks?owner=me&limit=200')]);
        } catch (e) {
            replace(overdueBody, message('error', e.message));
            upcomingBody.replaceChildren();
            return;
        }
        const late = overdue.items || [];
        const lateIds = new Set(late.map((x) => x.id));
        const upcoming = (open.items || []).filter((x) => !lateIds.has(x.id)).slice(0, 50);
        await clientNames([...late, ...upcoming].map((x) => x.clientId));
        const item = (x, isLate) => h('li', { 'data-task': x.id },
            h('div', { class: 'item-head' }, h('span', {}, clientLink(x.clientId), h('span', { text: ` — ${x.title}` })),
                h('button', { type: 'button', class: 'btn btn-small btn-secondary', text: tr('done'), 'aria-label': tr('done.label', { title: x.title }),
                    onClick: () => complete(x) })),
            h('div', { class: 'item-meta' }, tr('due', { date: day(x.due, lang) }),
                isLate ? [' ', h('span', { class: 'badge badge-danger', text: tr('days', { n: daysSince(x.due) }) })] : null));
        replace(overdueBody, late.length ? h('ul', { class: 'plain-list' }, late.map((x) => item(x, true)))
            : h('p', { class: 'ok-line', text: tr('overdue.none') }));
        replace(upcomingBody, upcoming.length ? h('ul', { class: 'plain-list' }, upcoming.map((x) => item(x, false)))
            : h('p', { class: 'muted', text: tr('upcoming.none') }));
    }

    async function complete(x) {
        try {
            await api(`/api/v1/tasks/${x.id}`, { method: 'PATCH', json: { status: 'done' } });
            show('success', tr('doneMsg', { title: x.title }));
        } catch (e) {
            show('error', e.message);
        }
        await loadTasks();
        overduePanel.querySelector('h2').focus();
    }

    async function loadContactDue() {
        if (!seesAccounts) {
            return;
        }
        let items;
        try {
            items = (await api(`/api/v1/accounts/overdue?limit=100${isManager ? '&manager=me' : ''}`)).items || [];
        } catch (e) {
            replace(contactBody, message('error', e.message));
            return;
        }
        for (const c of items) {
            names.set(c.clientId, c.name);
        }
        replace(contactBody, h('p', { class: 'small muted', text: tr(isManager ? 'contact.mine' : 'contact.all') }),
            items.length ? h('ul', { class: 'plain-list' }, items.map((c) => h('li', { 'data-client': c.clientId },
                h('div', { class: 'item-head' }, clientLink(c.clientId),
                    h('span', { class: 'badge badge-danger', text: tr('days', { n: c.daysOverdue }) })),
                h('div', { class: 'item-meta', text: [c.tier && c.tier !== 'null' ? label(tr, 'tier', c.tier) : null,
                    tr('contact.due', { date: day(c.dueOn, lang) })].filter(Boolean).join(' · ') }))))
                : h('p', { class: 'ok-line', text: tr('contact.none') }));
    }

    await Promise.all([loadTasks(), loadAlerts(), loadContactDue()]);
}
