// "Try the bot": an admin asks the chatbot a question as a client would — optionally as a given
// verified contact — and sees the intent, the answer, its sources and whether it would hand over.
// Nothing is sent, filed or changed.
import { h, replace, message } from '/console/dom.js';
import { field, showFieldErrors, clearFieldErrors } from '/console/forms.js';
import { translator } from '/console/i18n.js';
import { useStyles } from './common.js';

const TEXT = {
    en: {
        'title': 'Try the bot', 'intro': 'Ask as a client would. Nothing is sent, filed or changed.',
        'text': 'Question', 'language': 'Language', 'language.auto': 'Detect from the text', 'contact': 'Answer as contact (id)',
        'contact.hint': 'Empty: an unverified visitor, who never gets account data.', 'ask': 'Ask', 'asking': 'Asking…',
        'intent': 'Intent', 'answer': 'Answer', 'sources': 'Sources', 'handover': 'Hands over to staff', 'confidence': 'Confidence',
        'yes': 'Yes', 'no': 'No', 'none': 'None', 'result': 'The bot\'s answer',
    },
    zh: {
        'title': '机器人测试', 'intro': '像客户一样提问。不会发送、登记或修改任何内容。',
        'text': '问题', 'language': '语言', 'language.auto': '根据文字判断', 'contact': '以联系人身份回答（ID）',
        'contact.hint': '留空：未验证的访客，不会获得任何账户信息。', 'ask': '提问', 'asking': '正在提问…',
        'intent': '意图', 'answer': '回答', 'sources': '参考资料', 'handover': '转人工', 'confidence': '置信度',
        'yes': '是', 'no': '否', 'none': '无', 'result': '机器人的回答',
    },
};

export async function render(container, ctx) {
    useStyles();
    const tr = translator(TEXT, ctx.lang);
    const result = h('section', { class: 'panel', 'aria-live': 'polite', 'aria-label': tr('result'), hidden: true });
    const form = h('form', { class: 'panel', novalidate: true },
        field(tr('text'), { tag: 'textarea', name: 'text', required: true, maxlength: '4000' }),
        h('div', { class: 'field-row' },
            field(tr('language'), { tag: 'select', name: 'language', children: [
                h('option', { value: '', text: tr('language.auto') }), h('option', { value: 'zh', text: '中文' }),
                h('option', { value: 'en', text: 'English' })] }),
            field(tr('contact'), { name: 'contactId', type: 'number', min: '1', inputmode: 'numeric' }, tr('contact.hint'))),
        h('button', { type: 'submit', class: 'btn btn-primary', text: tr('ask') }));
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearFieldErrors(form);
        const data = new FormData(form);
        const json = { text: String(data.get('text') || '') };
        if (data.get('language')) {
            json.language = data.get('language');
        }
        if (data.get('contactId')) {
            json.contactId = Number(data.get('contactId'));
        }
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        button.textContent = tr('asking');
        try {
            const answer = await ctx.api('/api/v1/bot/ask', { json });
            result.hidden = false;
            replace(result,
                h('h2', { text: tr('result') }),
                h('dl', { class: 'kv' },
                    h('dt', { text: tr('intent') }), h('dd', { 'data-intent': answer.intent, text: answer.intent }),
                    h('dt', { text: tr('handover') }), h('dd', { 'data-handover': String(answer.handover),
                        text: answer.handover ? tr('yes') : tr('no') }),
                    h('dt', { text: tr('confidence') }), h('dd', { text: Number(answer.confidence).toFixed(2) }),
                    h('dt', { text: tr('answer') }), h('dd', { class: 'bot-answer', text: answer.answer }),
                    h('dt', { text: tr('sources') }), h('dd', {}, answer.sources.length
                        ? h('ul', { class: 'plain-list' }, answer.sources.map((s) => h('li', {},
                            h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', text: s.title }))))
                        : tr('none'))));
            ctx.announce(answer.answer);
        } catch (e) {
            if (!showFieldErrors(form, e.fields)) {
                result.hidden = false;
                replace(result, message('error', e.message));
            }
        } finally {
            button.disabled = false;
            button.textContent = tr('ask');
        }
    });
    replace(container, h('p', { class: 'muted', text: tr('intro') }), form, result);
}
