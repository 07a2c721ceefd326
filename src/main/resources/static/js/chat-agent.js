// Tact's chat pages for agents: the live list of waiting chats, and one chat with its live lines, typing and presence.
(function () {
  'use strict';

  function csrfInputs(form) {
    return Array.prototype.filter.call(form.querySelectorAll('input[type=hidden]'), function (i) { return i.name; });
  }

  // ---- the waiting list
  var table = document.getElementById('waiting-chats');
  if (table) {
    var template = document.getElementById('chat-accept-template');
    var tbody = table.querySelector('tbody');
    var none = document.getElementById('no-waiting');
    var base = template.getAttribute('action').replace(/\/chats\/accept-template$/, '');
    var list = new EventSource(table.dataset.events);
    list.addEventListener('waiting', function (e) {
      var rows = JSON.parse(e.data);
      tbody.textContent = '';
      rows.forEach(function (row) {
        var tr = document.createElement('tr');
        tr.className = 'waiting-chat';
        tr.dataset.chat = row.id;
        [row.visitor, row.text, new Date(row.startedAt).toLocaleTimeString()].forEach(function (text) {
          var td = document.createElement('td');
          td.textContent = text;
          tr.appendChild(td);
        });
        var td = document.createElement('td');
        var form = document.createElement('form');
        form.method = 'post';
        form.action = base + '/chats/' + encodeURIComponent(row.id) + '/accept';
        csrfInputs(template).forEach(function (input) { form.appendChild(input.cloneNode()); });
        var button = document.createElement('button');
        button.type = 'submit';
        button.textContent = 'Accept';
        button.disabled = !row.filed;
        if (!row.filed) { button.title = 'Being filed…'; }
        form.appendChild(button);
        td.appendChild(form);
        tr.appendChild(td);
        tbody.appendChild(tr);
      });
      none.hidden = rows.length > 0;
    });
  }

  // ---- one chat
  var lines = document.getElementById('chat-lines');
  if (!lines) {
    return;
  }
  var last = parseInt(lines.dataset.last || '0', 10);
  var typing = document.getElementById('typing');
  var presence = document.getElementById('visitor-presence');
  var stateLabel = document.getElementById('chat-state');
  var typingTimer = null;

  function addLine(line) {
    if (line.seq <= last) { return; }
    last = line.seq;
    var li = document.createElement('li');
    li.className = 'chat-line chat-' + line.kind;
    li.dataset.seq = line.seq;
    var who = document.createElement('b');
    who.className = 'who';
    who.textContent = line.kind === 'system' ? '' : (line.author || 'Visitor');
    var text = document.createElement('span');
    text.className = 'text';
    text.textContent = ' ' + line.text;
    li.appendChild(who);
    li.appendChild(text);
    lines.appendChild(li);
    if (line.kind === 'visitor') { typing.textContent = ''; }
  }

  var source = new EventSource(lines.dataset.events + '?after=' + last);
  source.addEventListener('line', function (e) { addLine(JSON.parse(e.data)); });
  source.addEventListener('typing', function (e) {
    var t = JSON.parse(e.data);
    if (t.side !== 'visitor') { return; }
    typing.textContent = (t.name || 'The visitor') + ' is typing…';
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { typing.textContent = ''; }, 4000);
  });
  source.addEventListener('presence', function (e) {
    var p = JSON.parse(e.data);
    presence.textContent = p.visitor ? 'visitor online' : 'visitor offline';
    presence.dataset.online = p.visitor ? 'true' : 'false';
  });
  source.addEventListener('state', function (e) {
    var s = JSON.parse(e.data);
    stateLabel.textContent = s.state;
    if (s.state === 'ended') {
      var send = document.getElementById('chat-send');
      if (send) { send.hidden = true; }
    }
  });

  var form = document.getElementById('chat-send');
  if (!form) { return; }
  var textarea = document.getElementById('chat-text');
  var problem = document.getElementById('chat-problem');
  var lastTyping = 0;
  textarea.addEventListener('input', function () {
    var now = Date.now();
    if (now - lastTyping < 2000) { return; }
    lastTyping = now;
    var data = new FormData();
    csrfInputs(form).forEach(function (i) { data.append(i.name, i.value); });
    fetch(form.dataset.typing, { method: 'POST', body: data, credentials: 'same-origin' });
  });
  textarea.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    problem.textContent = '';
    var data = new FormData(form);
    fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) {
        if (r.ok) { textarea.value = ''; return null; }
        return r.json().then(function (p) { problem.textContent = p.detail || 'Not sent.'; });
      })
      .catch(function () { problem.textContent = 'Not sent: no connection.'; });
  });
})();
