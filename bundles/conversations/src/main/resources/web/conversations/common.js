// Shared by the conversations pages: the stylesheet, channel / status labels and badges.
import { h } from '/console/dom.js';

let styled = false;

/** Adds this bundle's stylesheet to the page once (the console's CSP allows stylesheets from this server). */
export function useStyles() {
    if (!styled && !document.querySelector('link[data-conversations]')) {
        document.head.append(h('link', { rel: 'stylesheet', href: '/conversations/inbox.css', 'data-conversations': 'true' }));
    }
    styled = true;
}

export const LABELS = {
    en: {
        'channel.email': 'Email', 'channel.sms': 'SMS', 'channel.webchat': 'Web chat',
        'status.open': 'Open', 'status.waiting': 'Waiting for staff', 'status.closed': 'Closed',
        'mode.bot': 'Bot', 'mode.human': 'Staff',
        'msg.queued': 'queued', 'msg.deferred': 'deferred', 'msg.sent': 'sent', 'msg.delivered': 'delivered', 'msg.read': 'read',
        'msg.failed': 'failed', 'msg.blocked': 'blocked', 'msg.bounced': 'bounced', 'msg.withdrawn': 'withdrawn', 'msg.received': 'received',
        'msg.answered': 'answered by the bot', 'msg.handover': 'handed over',
        'author.client': 'Client', 'author.bot': 'Bot', 'author.staff': 'Staff', 'author.system': 'System',
    },
    zh: {
        'channel.email': '邮件', 'channel.sms': '短信', 'channel.webchat': '网页聊天',
        'status.open': '进行中', 'status.waiting': '待人工回复', 'status.closed': '已关闭',
        'mode.bot': '机器人', 'mode.human': '人工',
        'msg.queued': '排队中', 'msg.deferred': '延后发送', 'msg.sent': '已发送', 'msg.delivered': '已送达', 'msg.read': '已读',
        'msg.failed': '发送失败', 'msg.blocked': '已拦截', 'msg.bounced': '退信', 'msg.withdrawn': '已撤回', 'msg.received': '已收到',
        'msg.answered': '机器人已回复', 'msg.handover': '已转人工',
        'author.client': '客户', 'author.bot': '机器人', 'author.staff': '员工', 'author.system': '系统',
    },
};

const STATUS_TONES = { open: 'badge-info', waiting: 'badge-warn', closed: '' };
const MESSAGE_TONES = { sent: 'badge-ok', delivered: 'badge-ok', read: 'badge-ok', failed: 'badge-danger', blocked: 'badge-danger',
    bounced: 'badge-danger', deferred: 'badge-warn', withdrawn: 'badge-warn', queued: '' };

export function label(tr, family, id) {
    const key = `${family}.${id}`;
    const text = tr(key);
    return text === key ? String(id) : text;
}

export function statusBadge(tr, status) {
    return h('span', { class: `badge ${STATUS_TONES[status] || ''}`, 'data-status': status, text: label(tr, 'status', status) });
}

export function channelBadge(tr, channel) {
    return h('span', { class: 'badge', 'data-channel': channel, text: label(tr, 'channel', channel) });
}

export function messageBadge(tr, status) {
    return status ? h('span', { class: `badge ${MESSAGE_TONES[status] || ''}`, 'data-message-status': status, text: label(tr, 'msg', status) })
        : null;
}
