// Tact's chat widget. Put it on a page with one tag:
//   <script src="https://tact.example/chat/widget.js" data-title="Talk to us" async></script>
// Plain JavaScript, no dependencies; its markup lives in a shadow root so the page's styles do not reach it.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__tactChat) { return; }
  window.__tactChat = true;
  var base = script.src.replace(/\/chat\/widget\.js(\?.*)?$/, '');
  var opts = {
    title: script.getAttribute('data-title') || 'Chat with us',
    button: script.getAttribute('data-button') || 'Chat',
    color: script.getAttribute('data-color') || '#2457d6',
    open: script.getAttribute('data-open') === 'true'
  };
  var storeKey = 'tact-chat:' + base;

  function load() {
    try { return JSON.parse(sessionStorage.getItem(storeKey) || 'null'); } catch (e) { return null; }
  }
  function save(s) {
    try { if (s) { sessionStorage.setItem(storeKey, JSON.stringify(s)); } else { sessionStorage.removeItem(storeKey); } } catch (e) { /* private mode */ }
  }

  var host = document.createElement('div');
  host.id = 'tact-chat';
  var root = host.attachShadow({ mode: 'open' });
  root.innerHTML =
    '<style>' +
    ':host{all:initial}' +
    '.launch{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:24px;padding:12px 20px;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer}' +
    '.panel{position:fixed;right:20px;bottom:76px;z-index:2147483000;width:340px;max-width:calc(100vw - 40px);height:460px;max-height:calc(100vh - 100px);display:flex;flex-direction:column;background:#fff;color:#111;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);font:14px system-ui,sans-serif;overflow:hidden}' +
    '.panel[hidden]{display:none}' +
    'header{padding:10px 14px;color:#fff}header h2{margin:0;font-size:16px}header p{margin:2px 0 0;font-size:12px;opacity:.9}' +
    '.lines{flex:1;overflow-y:auto;margin:0;padding:10px 14px;list-style:none}' +
    '.line{margin:6px 0;padding:6px 10px;border-radius:10px;max-width:85%;white-space:pre-wrap;word-wrap:break-word}' +
    '.visitor{background:#e8eefc;margin-left:auto}.agent{background:#f1f1f1}.system{color:#666;font-size:12px;text-align:center;max-width:100%}' +
    '.who{display:block;font-size:11px;color:#555}' +
    '.typing{min-height:18px;padding:0 14px;color:#666;font-size:12px}' +
    'form{display:flex;flex-direction:column;gap:6px;padding:10px 14px;border-top:1px solid #eee}' +
    'input,textarea{font:inherit;padding:6px;border:1px solid #bbb;border-radius:6px}' +
    'form button{align-self:flex-end;border:0;border-radius:6px;padding:6px 14px;color:#fff;cursor:pointer}' +
    '.problem{color:#b00020;font-size:12px;min-height:0}.end{background:none;border:0;color:#555;font-size:12px;cursor:pointer;text-decoration:underline;padding:0 14px 8px;text-align:left}' +
    '</style>' +
    '<button class="launch" type="button" aria-expanded="false"></button>' +
    '<section class="panel" role="dialog" hidden>' +
    '<header><h2 class="title"></h2><p class="availability"></p><p class="presence"></p></header>' +
    '<ol class="lines" aria-live="polite"></ol>' +
    '<div class="typing" aria-live="polite"></div>' +
    '<form class="start"><input name="name" placeholder="Your name" aria-label="Your name" maxlength="200">' +
    '<input name="email" type="email" placeholder="Email (for an answer by email)" aria-label="Email" maxlength="320">' +
    '<textarea name="text" rows="3" placeholder="How can we help?" aria-label="Message" required></textarea>' +
    '<span class="problem" role="alert"></span><button type="submit">Start chat</button></form>' +
    '<form class="say" hidden><textarea name="text" rows="2" placeholder="Write a message" aria-label="Message" required></textarea>' +
    '<span class="problem" role="alert"></span><button type="submit">Send</button></form>' +
    '<button class="end" type="button" hidden>End chat</button>' +
    '</section>';
  function $(sel) { return root.querySelector(sel); }
  var launch = $('.launch'), panel = $('.panel'), lines = $('.lines'), typing = $('.typing');
  var startForm = $('.start'), sayForm = $('.say'), endButton = $('.end');
  launch.textContent = opts.button;
  launch.style.background = opts.color;
  $('header').style.background = opts.color;
  Array.prototype.forEach.call(root.querySelectorAll('form button'), function (b) { b.style.background = opts.color; });
  $('.title').textContent = opts.title;

  var state = load();
  var source = null;
  var typingTimer = null;

  function api(path, body, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) { headers['X-Chat-Token'] = token; }
    return fetch(base + path, { method: 'POST', headers: headers, body: body ? JSON.stringify(body) : null, mode: 'cors', credentials: 'omit' })
      .then(function (r) {
        if (r.status === 204) { return {}; }
        return r.json().catch(function () { return {}; }).then(function (json) {
          if (!r.ok) {
            var wait = r.headers.get('Retry-After');
            throw new Error((json && json.detail) || ('Error ' + r.status) + (wait ? ' (try again in ' + wait + ' s)' : ''));
          }
          return json;
        });
      });
  }

  // the lines this page shows: a new page (the visitor moved on in the site) shows the chat from its first line
  var shown = 0;

  function addLine(line) {
    if (line.seq <= shown) { return; }
    shown = line.seq;
    var li = document.createElement('li');
    li.className = 'line ' + line.kind;
    li.setAttribute('data-seq', line.seq);
    if (line.kind === 'agent') {
      var who = document.createElement('span');
      who.className = 'who';
      who.textContent = line.author;
      li.appendChild(who);
      typing.textContent = '';
    }
    li.appendChild(document.createTextNode(line.text));
    lines.appendChild(li);
    lines.scrollTop = lines.scrollHeight;
  }

  function ended(reason) {
    sayForm.hidden = true;
    endButton.hidden = true;
    typing.textContent = '';
    $('.presence').textContent = 'This chat has ended.';
    if (source) { source.close(); source = null; }
    if (state) { state.ended = true; save(state); }
  }

  function connect() {
    if (!state || state.ended) { return; }
    startForm.hidden = true;
    sayForm.hidden = false;
    endButton.hidden = false;
    if (source) { source.close(); }
    source = new EventSource(base + '/chat/api/chats/' + encodeURIComponent(state.chat) + '/events?token=' +
      encodeURIComponent(state.token) + '&after=' + shown);
    source.addEventListener('line', function (e) { addLine(JSON.parse(e.data)); });
    source.addEventListener('typing', function (e) {
      var t = JSON.parse(e.data);
      if (t.side !== 'agent') { return; }
      typing.textContent = (t.name || 'The agent') + ' is typing…';
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { typing.textContent = ''; }, 4000);
    });
    source.addEventListener('presence', function (e) {
      var p = JSON.parse(e.data);
      if (!state || state.ended) { return; }
      $('.presence').textContent = p.agent ? (p.agentName || 'An agent') + ' is online' :
        (p.agentName ? p.agentName + ' is away' : 'Waiting for an agent…');
    });
    source.addEventListener('state', function (e) {
      var s = JSON.parse(e.data);
      if (s.state === 'ended') { ended(s.reason); }
      else if (s.state === 'active') { $('.presence').textContent = (s.agentName || 'An agent') + ' is online'; }
      else { $('.presence').textContent = 'Waiting for an agent…'; }
    });
    source.onerror = function () {
      // EventSource reconnects by itself (with Last-Event-ID); a chat that is gone stays closed
      if (source && source.readyState === EventSource.CLOSED) { source = null; }
    };
  }

  function status() {
    fetch(base + '/chat/api/status', { mode: 'cors', credentials: 'omit' }).then(function (r) { return r.json(); })
      .then(function (s) {
        $('.availability').textContent = s.text;
        startForm.querySelector('[name=email]').required = !s.live;
      }).catch(function () { /* the panel still works */ });
  }

  function toggle(open) {
    panel.hidden = !open;
    launch.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) {
      status();
      if (state && !source && !state.ended) { connect(); }
    }
  }

  launch.addEventListener('click', function () { toggle(panel.hidden); });

  startForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var problem = startForm.querySelector('.problem');
    problem.textContent = '';
    var f = startForm.elements;
    api('/chat/api/chats', { name: f.name.value, email: f.email.value, text: f.text.value })
      .then(function (started) {
        state = { chat: started.chat, token: started.token };
        save(state);
        connect();
      })
      .catch(function (err) { problem.textContent = err.message; });
  });

  var lastTyping = 0;
  sayForm.elements.text.addEventListener('input', function () {
    var now = Date.now();
    if (!state || now - lastTyping < 2000) { return; }
    lastTyping = now;
    api('/chat/api/chats/' + encodeURIComponent(state.chat) + '/typing', null, state.token).catch(function () {});
  });
  sayForm.elements.text.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); sayForm.requestSubmit(); }
  });
  sayForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var problem = sayForm.querySelector('.problem');
    problem.textContent = '';
    var text = sayForm.elements.text.value;
    api('/chat/api/chats/' + encodeURIComponent(state.chat) + '/lines', { text: text }, state.token)
      .then(function () { sayForm.elements.text.value = ''; })
      .catch(function (err) { problem.textContent = err.message; });
  });
  endButton.addEventListener('click', function () {
    if (!state) { return; }
    api('/chat/api/chats/' + encodeURIComponent(state.chat) + '/leave', null, state.token).then(function () { ended('left'); })
      .catch(function (err) { sayForm.querySelector('.problem').textContent = err.message; });
  });

  function mount() {
    document.body.appendChild(host);
    if (opts.open || (state && !state.ended)) { toggle(true); }
  }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
