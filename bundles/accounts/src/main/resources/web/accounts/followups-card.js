// Dashboard card for account managers: my overdue follow-up tasks and unread churn alerts, with
// the way to the follow-ups page.
import { h, replace, message } from '/console/dom.js';
import { translator } from '/console/i18n.js';
import { withLabels, number } from './common.js';

const TEXT = withLabels({
    en: { 'clients': 'My clients due for contact', 'tasks': 'My overdue follow-ups', 'alerts': 'Unread churn alerts', 'open': 'Open my follow-ups →', 'clear': 'Nothing overdue. Well done.' },
    zh: { 'clients': '我负责的待联系客户', 'tasks': '我的逾期跟进', 'alerts': '未读流失预警', 'open': '查看我的跟进 →', 'clear': '没有逾期事项，干得好。' },
});

export async function render(container, ctx) {
    const tr = translator(TEXT, ctx.lang);
    const isManager = (ctx.user.roles || []).includes('manager');
    const [tasks, alerts, mine] = await Promise.allSettled([ctx.api('/api/v1/tasks?owner=me&overdue=true&limit=500'), ctx.api('/api/v1/alerts'),
        isManager ? ctx.api('/api/v1/accounts/overview?manager=me') : Promise.reject(new Error('not a manager'))]);
    if (tasks.status === 'rejected' && alerts.status === 'rejected') {
        replace(container, message('error', tasks.reason.message));
        return;
    }
    const overdue = tasks.status === 'fulfilled' ? (tasks.value.items || []).length : null;
    const unread = alerts.status === 'fulfilled' ? (alerts.value.items || []).filter((a) => !a.readAt).length : null;
    const due = mine.status === 'fulfilled' ? mine.value.overdueFollowUps ?? null : null;
    const figure = (label, value, tone) => h('div', { class: 'figure' }, h('dt', { text: label }),
        h('dd', { class: value ? tone : '', text: value === null ? '—' : number(value, ctx.lang) }));
    replace(container, h('dl', { class: 'figures followup-figures' }, isManager ? figure(tr('clients'), due, 'risk risk-high') : null,
        figure(tr('tasks'), overdue, 'risk risk-high'), figure(tr('alerts'), unread, 'risk risk-mid')),
        !overdue && !unread && !due ? h('p', { class: 'ok-line', text: tr('clear') }) : null,
        h('p', { class: 'small' }, h('a', { href: '#/followups', text: tr('open') })));
}
