/*
 * Rapport web chat widget. Embed with one tag:
 *   <script src="https://your-rapport-server/chat/widget.js" data-lang="zh" async></script>
 * Options (data- attributes): data-lang ("zh" | "en", default: the page's language), data-open ("true": open at once),
 * data-token (a sign-in token signed by the host site for its signed-in user).
 * No framework; everything a visitor or staff member wrote is shown as text, never as HTML.
 */
(function () {
  'use strict';
  if (window.RapportChat) { return; }

  var script = document.currentScript || (function () {
    var all = document.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0; i--) { if (/\/chat\/widget\.js(\?|$)/.test(all[i].src)) { return all[i]; } }
    return null;
  })();
  var base = new URL(script ? script.src : '/chat/widget.js', location.href);
  var origin = base.origin;
  var pageLang = (document.documentElement.lang || navigator.language || 'en').toLowerCase();
  var lang = (script && script.dataset.lang) || (pageLang.indexOf('zh') === 0 ? 'zh' : 'en');
  var STORE = 'rapport.chat.' + origin + '.';

  var TEXT = {
    en: {
      open: 'Chat with us', title: 'Client care', close: 'Close chat', send: 'Send', placeholder: 'Type your question…',
      label: 'Your message', typing: 'Typing…', joined: '{name} joined the chat', joinedAnon: 'A colleague joined the chat',
      verify: 'Verify who I am', email: 'Email address on file', sendCode: 'Email me a code', code: 'Code from the email',
      check: 'Verify', codeSent: 'If this address is on file, a code is on its way.', verified: 'Verified as {name}',
      offline: 'Reconnecting…', online: 'Connected', you: 'You', bot: 'Assistant', staff: 'Staff', attach: 'Attach a file',
      errors: {
        rate_limited: 'You are sending messages too fast; it will be sent in a moment.',
        too_large: 'That message is too long.', code_wrong: 'That code is not right.', code_expired: 'The code has expired; ask for a new one.',
        code_exhausted: 'Too many wrong tries; ask for a new code.', too_many_codes: 'Too many codes asked for; try again later.',
        bad_email: 'Please give an email address.', attachment_type: 'Files of this type are not accepted.',
        attachment_size: 'That file is too large.', token_refused: 'Could not sign you in.', no_code: 'Ask for a code first.'
      }
    },
    zh: {
      open: '在线咨询', title: '客户服务', close: '关闭对话', send: '发送', placeholder: '请输入您的问题…',
      label: '您的消息', typing: '正在输入…', joined: '{name} 已加入对话', joinedAnon: '客服人员已加入对话',
      verify: '验证身份', email: '登记的邮箱地址', sendCode: '发送验证码', code: '邮件中的验证码',
      check: '验证', codeSent: '如果该邮箱已登记，验证码已发送。', verified: '已验证：{name}',
      offline: '正在重新连接…', online: '已连接', you: '我', bot: '智能助理', staff: '客服', attach: '添加附件',
      errors: {
        rate_limited: '发送过快，稍后将自动发送。', too_large: '消息过长。', code_wrong: '验证码不正确。',
        code_expired: '验证码已过期，请重新获取。', code_exhausted: '错误次数过多，请重新获取验证码。',
        too_many_codes: '获取验证码次数过多，请稍后再试。', bad_email: '请输入邮箱地址。',
        attachment_type: '不支持该类型的文件。', attachment_size: '文件过大。', token_refused: '无法登录。', no_code: '请先获取验证码。'
      }
    }
  };
  var t = TEXT[lang] || TEXT.en;

  function load(key, fallback) { try { var v = localStorage.getItem(STORE + key); return v === null ? fallback : JSON.parse(v); } catch (e) { return fallback; } }
  function save(key, value) { try { localStorage.setItem(STORE + key, JSON.stringify(value)); } catch (e) { /* private mode: session only */ } }

  var state = {
    token: load('token', null), lastSeq: load('lastSeq', 0), outbox: load('outbox', []), shown: {}, verified: false,
    ws: null, poll: false, connected: false, attempts: 0, wsFailures: 0, historyAsked: false, typingTimer: null, readSeq: 0
  };

  // --- the panel ---
  var css = document.createElement('link');
  css.rel = 'stylesheet'; css.href = new URL('widget.css', base).href;
  document.head.appendChild(css);

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) { if (Object.prototype.hasOwnProperty.call(attrs, k)) { e.setAttribute(k, attrs[k]); } }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  var root = el('div', { 'class': 'rapport-chat', lang: lang });
  var launcher = el('button', { type: 'button', 'class': 'rc-launcher', 'aria-expanded': 'false', 'aria-controls': 'rapport-chat-panel' }, t.open);
  var panel = el('section', { id: 'rapport-chat-panel', 'class': 'rc-panel', role: 'dialog', 'aria-label': t.title, hidden: '' });
  var header = el('header', { 'class': 'rc-header' });
  var title = el('h2', { 'class': 'rc-title' }, t.title);
  var status = el('span', { 'class': 'rc-status', role: 'status' }, t.offline);
  var closeBtn = el('button', { type: 'button', 'class': 'rc-close', 'aria-label': t.close }, '×');
  header.append(title, status, closeBtn);
  var log = el('ol', { 'class': 'rc-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0' });
  var typing = el('p', { 'class': 'rc-typing', 'aria-live': 'polite', hidden: '' }, t.typing);
  var notice = el('p', { 'class': 'rc-notice', role: 'alert' });

  var verifyBox = el('details', { 'class': 'rc-verify' });
  var verifySummary = el('summary', {}, t.verify);
  var emailForm = el('form', { 'class': 'rc-row' });
  var emailInput = el('input', { type: 'email', autocomplete: 'email', 'aria-label': t.email, placeholder: t.email, required: '' });
  emailForm.append(emailInput, el('button', { type: 'submit' }, t.sendCode));
  var codeForm = el('form', { 'class': 'rc-row', hidden: '' });
  var codeInput = el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', 'aria-label': t.code, placeholder: t.code, maxlength: '10', required: '' });
  codeForm.append(codeInput, el('button', { type: 'submit' }, t.check));
  var verifiedLine = el('p', { 'class': 'rc-verified', hidden: '' });
  verifyBox.append(verifySummary, emailForm, codeForm);

  var form = el('form', { 'class': 'rc-compose' });
  var input = el('textarea', { rows: '2', 'aria-label': t.label, placeholder: t.placeholder, maxlength: '2000' });
  var fileInput = el('input', { type: 'file', 'aria-label': t.attach, 'class': 'rc-file' });
  var sendBtn = el('button', { type: 'submit', 'class': 'rc-send' }, t.send);
  form.append(input, fileInput, sendBtn);
  panel.append(header, verifiedLine, verifyBox, log, typing, notice, form);
  root.append(launcher, panel);

  function mount() { document.body.appendChild(root); }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }

  function open() {
    panel.hidden = false; launcher.setAttribute('aria-expanded', 'true'); input.focus(); markRead();
  }
  function close() { panel.hidden = true; launcher.setAttribute('aria-expanded', 'false'); launcher.focus(); }
  launcher.addEventListener('click', function () { if (panel.hidden) { open(); } else { close(); } });
  closeBtn.addEventListener('click', close);
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') { close(); } });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : submit(e); }
  });
  var lastTyping = 0;
  input.addEventListener('input', function () {
    var now = Date.now();
    if (now - lastTyping > 5000 && state.connected) { lastTyping = now; send({ type: 'typing' }); }
  });

  // --- rendering: text only ---
  var URL_RE = /https?:\/\/[^\s<>"'，。；）)]+/g;
  function appendText(target, text) {
    var last = 0; var m;
    URL_RE.lastIndex = 0;
    while ((m = URL_RE.exec(text)) !== null) {
      if (m.index > last) { target.appendChild(document.createTextNode(text.slice(last, m.index))); }
      var a = el('a', { href: m[0], target: '_blank', rel: 'noopener noreferrer' }, m[0]);
      target.appendChild(a);
      last = m.index + m[0].length;
    }
    if (last < text.length) { target.appendChild(document.createTextNode(text.slice(last))); }
  }
  function who(from, name) { return from === 'me' ? t.you : from === 'staff' ? (name || t.staff) : from === 'bot' ? t.bot : ''; }
  function addLine(from, name, text, extraClass) {
    var li = el('li', { 'class': 'rc-msg rc-' + from + (extraClass ? ' ' + extraClass : '') });
    if (from !== 'system') { li.appendChild(el('span', { 'class': 'rc-who' }, who(from, name))); }
    var body = el('p', { 'class': 'rc-text' });
    appendText(body, text);
    li.appendChild(body);
    log.appendChild(li);
    log.scrollTop = log.scrollHeight;
    return li;
  }
  function showNotice(code, fallback) {
    notice.textContent = (t.errors[code]) || fallback || code;
    clearTimeout(showNotice.timer);
    showNotice.timer = setTimeout(function () { notice.textContent = ''; }, 8000);
  }
  function setStatus(connected) {
    state.connected = connected; status.textContent = connected ? t.online : t.offline;
    root.classList.toggle('rc-connected', connected);
  }

  // --- the connection ---
  function send(frame) {
    if (state.ws && state.ws.readyState === 1) { state.ws.send(JSON.stringify(frame)); return true; }
    if (state.poll) { pollSend([frame]); return true; }
    return false;
  }
  function hello() {
    var f = { type: 'hello', lastSeq: state.lastSeq, lang: lang };
    if (state.token) { f.token = state.token; }
    return f;
  }
  function connect() {
    if (state.wsFailures >= 2 || !('WebSocket' in window)) { startPoll(); return; }
    var ws;
    try { ws = new WebSocket(origin.replace(/^http/, 'ws') + '/chat/ws'); } catch (e) { state.wsFailures = 2; startPoll(); return; }
    var opened = false;
    state.ws = ws;
    ws.onopen = function () { opened = true; state.attempts = 0; state.wsFailures = 0; ws.send(JSON.stringify(hello())); };
    ws.onmessage = function (e) { try { onFrame(JSON.parse(e.data)); } catch (err) { /* not ours */ } };
    ws.onclose = function () {
      setStatus(false); state.ws = null;
      if (!opened) { state.wsFailures++; }
      var delay = Math.min(30000, 500 * Math.pow(2, state.attempts++)) + Math.floor(Math.random() * 300);
      setTimeout(connect, delay);
    };
  }

  function pollSend(frames) {
    var body = { frames: frames };
    if (state.token) { body.token = state.token; }
    return fetch(origin + '/chat/poll', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (j) { j.frames.forEach(onFrame); });
  }
  function startPoll() {
    if (state.poll) { return; }
    state.poll = true;
    pollSend([hello()]).then(pollLoop, function () { state.poll = false; setTimeout(startPoll, 3000); });
  }
  function pollLoop() {
    fetch(origin + '/chat/poll?token=' + encodeURIComponent(state.token || ''), { cache: 'no-store' })
      .then(function (r) { if (r.status === 409) { return pollSend([hello()]).then(function () { return { frames: [] }; }); } return r.json(); })
      .then(function (j) { j.frames.forEach(onFrame); pollLoop(); },
        function () { setStatus(false); setTimeout(function () { pollSend([hello()]).then(pollLoop, pollLoop); }, 3000); });
  }

  function flushOutbox() {
    state.outbox.forEach(function (m) { send(m.file ? m.file : { type: 'message', id: m.id, text: m.text }); });
  }

  function onFrame(f) {
    switch (f.type) {
      case 'welcome':
        setStatus(true);
        if (f.token) { state.token = f.token; save('token', f.token); }
        if (f.lastSeq < state.lastSeq) { state.lastSeq = 0; save('lastSeq', 0); } // a new session
        setVerified(f.verified, f.name);
        if (!state.historyAsked) { state.historyAsked = true; send({ type: 'history' }); }
        if (script && script.dataset.token && !f.verified) { send({ type: 'auth', token: script.dataset.token }); }
        flushOutbox();
        break;
      case 'history':
        log.textContent = '';
        f.items.forEach(function (m) {
          if (m.from === 'me') { addLine('me', null, m.text); } else { state.shown[m.id] = true; addLine(m.from === 'staff' ? 'staff' : 'bot', m.name, m.text); }
        });
        state.outbox.forEach(function (m) { m.li = addLine('me', null, m.text, 'rc-pending'); });
        break;
      case 'message':
        typing.hidden = true;
        if (f.seq > state.lastSeq) {
          if (!(f.messageId && state.shown[f.messageId])) { addLine(f.from, f.name, f.text); }
          if (f.messageId) { state.shown[f.messageId] = true; }
          state.lastSeq = f.seq; save('lastSeq', f.seq);
        }
        send({ type: 'ack', seq: f.seq });
        markRead();
        break;
      case 'joined':
        if (f.seq > state.lastSeq) {
          addLine('system', null, f.name ? t.joined.replace('{name}', f.name) : t.joinedAnon, 'rc-joined');
          state.lastSeq = f.seq; save('lastSeq', f.seq);
        }
        send({ type: 'ack', seq: f.seq });
        break;
      case 'typing':
        typing.hidden = false;
        clearTimeout(state.typingTimer);
        state.typingTimer = setTimeout(function () { typing.hidden = true; }, 10000);
        break;
      case 'received':
        state.outbox = state.outbox.filter(function (m) {
          if (m.id === f.id) { if (m.li) { m.li.classList.remove('rc-pending'); } return false; }
          return true;
        });
        save('outbox', state.outbox.map(strip));
        break;
      case 'code_sent':
        showNotice('', t.codeSent); codeForm.hidden = false; codeInput.focus();
        break;
      case 'verified':
        setVerified(true, f.name); verifyBox.open = false;
        break;
      case 'error':
        if (f.code === 'rate_limited' && f.id) { setTimeout(flushOutbox, Math.max(1000, f.retryAfterMs || 1000)); }
        else if (f.id) { dropFromOutbox(f.id); }
        showNotice(f.code, f.message);
        break;
      case 'closed':
        setStatus(false); state.poll = false; setTimeout(startPoll, 2000);
        break;
      default:
        break;
    }
  }
  function strip(m) { return { id: m.id, text: m.text, file: m.file }; }
  function dropFromOutbox(id) {
    state.outbox = state.outbox.filter(function (m) { if (m.id === id && m.li) { m.li.classList.add('rc-failed'); } return m.id !== id; });
    save('outbox', state.outbox.map(strip));
  }
  function setVerified(yes, name) {
    state.verified = !!yes;
    verifyBox.hidden = !!yes;
    verifiedLine.hidden = !yes;
    verifiedLine.textContent = yes ? t.verified.replace('{name}', name || '') : '';
  }
  function markRead() {
    if (!panel.hidden && document.visibilityState === 'visible' && state.lastSeq > state.readSeq && state.connected) {
      state.readSeq = state.lastSeq; send({ type: 'read', seq: state.lastSeq });
    }
  }
  document.addEventListener('visibilitychange', markRead);

  function newId() { return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2); }
  function submit(e) {
    if (e) { e.preventDefault(); }
    var text = input.value.trim();
    if (!text) { return; }
    var m = { id: newId(), text: text };
    m.li = addLine('me', null, text, 'rc-pending');
    state.outbox.push(m);
    save('outbox', state.outbox.map(strip));
    input.value = '';
    send({ type: 'message', id: m.id, text: text });
  }
  form.addEventListener('submit', submit);
  fileInput.addEventListener('change', function () {
    var file = fileInput.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      var data = String(reader.result).replace(/^data:[^,]*,/, '');
      var m = { id: newId(), text: '[' + file.name + ']' };
      m.file = { type: 'attach', id: m.id, name: file.name, contentType: file.type || 'application/octet-stream', data: data };
      m.li = addLine('me', null, m.text, 'rc-pending');
      state.outbox.push(m);
      send(m.file);
      fileInput.value = '';
    };
    reader.readAsDataURL(file);
  });
  emailForm.addEventListener('submit', function (e) { e.preventDefault(); send({ type: 'claim', email: emailInput.value.trim() }); });
  codeForm.addEventListener('submit', function (e) { e.preventDefault(); send({ type: 'verify', code: codeInput.value.trim() }); codeInput.value = ''; });

  window.RapportChat = { open: open, close: close };
  connect();
  if (script && script.dataset.open === 'true') { if (document.body) { open(); } else { document.addEventListener('DOMContentLoaded', open); } }
})();
