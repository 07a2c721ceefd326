// Tact's live agent pages (ADR 0037): counts beside the inbox's views, the inbox list and the conversation page kept
// up to date from /live/events, who else is on a conversation, and a question before a change from an out-of-date
// conversation page is sent.
(function () {
  'use strict';

  var conversationBox = document.getElementById('live-conversation');
  var inbox = document.getElementById('inbox');
  var countEls = document.querySelectorAll('[data-live-count]');
  if (!conversationBox && !inbox && countEls.length === 0) { return; }

  var csrfInput = document.querySelector('input[name=_csrf]');
  var baseTitle = document.title;

  function later(fn, ms) {
    var timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  // ---- counts beside Mine, Unassigned (and whatever else marks data-live-count)
  function refreshCounts() {
    if (countEls.length === 0) { return; }
    fetch('/live/counts', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (counts) {
        if (!counts) { return; }
        countEls.forEach(function (el) {
          var n = counts[el.dataset.liveCount] || 0;
          el.textContent = n > 0 ? String(n) : '';
          el.hidden = n === 0;
        });
      });
  }
  var countsSoon = later(refreshCounts, 300);

  // ---- the inbox: the list is read again; rows new or changed since the page was opened are marked and counted
  var seenRows = null;
  var fresh = {};
  function rowKeys(section) {
    var keys = {};
    section.querySelectorAll('tbody tr').forEach(function (tr) { keys[tr.textContent.replace(/\s+/g, ' ')] = true; });
    return keys;
  }
  function refreshInbox() {
    fetch(location.href, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var current = document.getElementById('inbox');
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('inbox');
        if (!current || !next) { return; }
        next.querySelectorAll('tbody tr').forEach(function (tr) {
          var key = tr.textContent.replace(/\s+/g, ' ');
          var link = tr.querySelector('a');
          var number = link ? link.textContent : key;
          if (!seenRows[key]) { fresh[number] = true; }
          if (fresh[number]) { tr.classList.add('live-new'); }
        });
        current.replaceWith(next);
        var n = Object.keys(fresh).length;
        document.title = n > 0 ? '(' + n + ') ' + baseTitle : baseTitle;
      });
  }
  var inboxSoon = later(refreshInbox, 1000);
  if (inbox) { seenRows = rowKeys(inbox); }

  // ---- one conversation
  var conversation = conversationBox ? conversationBox.dataset.conversation : null;
  var version = conversationBox ? parseInt(conversationBox.dataset.version, 10) : 0;
  var presenceEl = document.getElementById('presence');
  var changedEl = document.getElementById('live-changed');

  function changesSince(v) {
    return fetch('/live/conversations/' + conversation + '/changes?since=' + v,
      { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); });
  }
  function busy() {
    var typed = Array.prototype.some.call(document.querySelectorAll('main textarea, main input[type=text]'),
      function (el) { return el.value.trim() !== ''; });
    var active = document.activeElement;
    return typed || (active && active.closest && active.closest('main form') !== null);
  }
  // asked, not assumed: the stream's hello (after the page loaded, or after a reconnect) may find nothing changed
  function conversationChanged() {
    changesSince(version).then(function (answer) {
      if (answer.changes.length === 0) { return; }
      if (!busy()) { location.reload(); return; }
      changedEl.querySelector('.live-changed-text').textContent = 'Changed since you opened it: '
        + answer.changes.map(function (c) { return c.told; }).join('; ') + '.';
      changedEl.hidden = false;
    });
  }
  var conversationSoon = later(conversationChanged, 200);

  if (conversationBox) {
    changedEl.querySelector('.live-reload').addEventListener('click', function (e) {
      e.preventDefault();
      location.reload();
    });
    var dialog = document.getElementById('stale-dialog');
    var pending = null;
    dialog.querySelector('.stale-apply').addEventListener('click', function () {
      dialog.close();
      if (pending) { send(pending.form, pending.submitter, pending.version); }
    });
    dialog.querySelector('.stale-cancel').addEventListener('click', function () {
      pending = null;
      dialog.close();
      changedEl.hidden = false;
    });

    function send(form, submitter, seen) {
      var input = form.querySelector('input[name=seenVersion]');
      if (!input) {
        input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'seenVersion';
        form.appendChild(input);
      }
      input.value = String(seen);
      form.dataset.liveChecked = 'true';
      if (submitter) { form.requestSubmit(submitter); } else { form.requestSubmit(); }
    }
    function ask(form, submitter, answer) {
      var list = dialog.querySelector('.stale-changes');
      list.textContent = '';
      answer.changes.forEach(function (c) {
        var li = document.createElement('li');
        li.textContent = c.told;
        list.appendChild(li);
      });
      var messages = dialog.querySelector('.stale-messages');
      var messageList = dialog.querySelector('.stale-message-list');
      messageList.textContent = '';
      answer.messages.forEach(function (m) {
        var li = document.createElement('li');
        var who = document.createElement('strong');
        who.textContent = (m.author || 'Someone') + ' (' + m.kind + '): ';
        li.appendChild(who);
        li.appendChild(document.createTextNode(m.text));
        messageList.appendChild(li);
      });
      messages.hidden = answer.messages.length === 0;
      pending = { form: form, submitter: submitter, version: answer.version };
      dialog.showModal();
    }

    var prefix = '/conversations/' + conversationBox.dataset.number + '/';
    document.addEventListener('submit', function (e) {
      var form = e.target;
      // attributes, not form.action / form.method: a control named "action" (the reply box's buttons) hides them
      var action = new URL(form.getAttribute('action') || location.href, location.href);
      var method = (form.getAttribute('method') || 'get').toLowerCase();
      if (method !== 'post' || action.pathname.indexOf(prefix) !== 0) { return; }
      if (form.dataset.liveChecked === 'true') { delete form.dataset.liveChecked; return; }
      e.preventDefault();
      var submitter = e.submitter || null;
      changesSince(version).then(function (answer) {
        if (answer.changes.length === 0) { send(form, submitter, version); } else { ask(form, submitter, answer); }
      }).catch(function () { send(form, submitter, version); }); // the server checks the version again
    }, true);

    var replyBox = document.getElementById('reply-text');
    var lastSignal = 0;
    if (replyBox && csrfInput) {
      replyBox.addEventListener('input', function () {
        var now = Date.now();
        if (now - lastSignal < 3000 || replyBox.value.trim() === '') { return; }
        lastSignal = now;
        var data = new FormData();
        data.append(csrfInput.name, csrfInput.value);
        fetch('/live/conversations/' + conversation + '/replying', { method: 'POST', body: data,
          credentials: 'same-origin' });
      });
    }
  }

  function showPresence(others) {
    if (!presenceEl) { return; }
    var viewing = others.filter(function (p) { return p.state === 'viewing'; }).map(function (p) { return p.name; });
    var replying = others.filter(function (p) { return p.state === 'replying'; }).map(function (p) { return p.name; });
    var parts = [];
    replying.forEach(function (name) { parts.push(name + ' is replying'); });
    viewing.forEach(function (name) { parts.push(name + ' is viewing'); });
    presenceEl.textContent = parts.join(' · ');
    presenceEl.hidden = parts.length === 0;
  }

  // ---- the stream
  var source = new EventSource('/live/events' + (conversation ? '?conversation=' + conversation : ''));
  // a change made between this page's rendering and its stream's opening (or while the stream was down) sent no
  // signal to this page: each hello asks what changed since the version shown
  var hellos = 0;
  source.addEventListener('hello', function () {
    refreshCounts();
    if (conversation) { conversationSoon(); }
    if (inbox && hellos > 0) { inboxSoon(); }
    hellos++;
  });
  source.addEventListener('changed', function (e) {
    var s = JSON.parse(e.data);
    countsSoon();
    if (inbox) { inboxSoon(); }
    if (conversation && s.conversation === conversation && s.version > version && !s.own) { conversationSoon(); }
  });
  source.addEventListener('resync', function () {
    countsSoon();
    if (inbox) { inboxSoon(); }
    if (conversation) { conversationSoon(); }
  });
  source.addEventListener('presence', function (e) { showPresence(JSON.parse(e.data).others); });
})();
