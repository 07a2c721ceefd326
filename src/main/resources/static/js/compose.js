// The reply box: a countdown beside each reply waiting out its undo window (the page reloads when one has left),
// and the draft saved on the server as the agent types (debounced), so that it survives a reload.
(function () {
  'use strict';

  var held = document.querySelectorAll('[data-held-reply]');
  if (held.length) {
    var tick = function () {
      var left = 0;
      held.forEach(function (h) {
        var seconds = Math.max(0, Math.ceil((Date.parse(h.dataset.sendAt) - Date.now()) / 1000));
        left = Math.max(left, seconds);
        h.querySelector('[data-countdown]').textContent = seconds + ' s';
      });
      if (left === 0) {
        clearInterval(timer);
        // the release runs on the server; look again shortly after, when the reply is in the conversation
        setTimeout(function () { window.location.reload(); }, 1500);
      }
    };
    var timer = setInterval(tick, 250);
    tick();
  }

  var form = document.getElementById('reply-form');
  if (!form || !form.dataset.draftUrl) {
    return;
  }
  var state = form.querySelector('[data-draft-state]');
  var fields = ['text', 'cc', 'bcc'].map(function (name) { return form.elements[name]; })
    .filter(function (f) { return f; });
  var pending = null;
  var lastSaved = fields.map(function (f) { return f.value; }).join('\u0000');
  var save = function () {
    pending = null;
    var now = fields.map(function (f) { return f.value; }).join('\u0000');
    if (now === lastSaved) {
      return;
    }
    var body = new URLSearchParams();
    fields.forEach(function (f) { body.append(f.name, f.value); });
    var csrf = form.querySelector('input[name=_csrf]');
    if (csrf) {
      body.append('_csrf', csrf.value);
    }
    fetch(form.dataset.draftUrl, { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (response) {
        if (response.ok) {
          lastSaved = now;
          state.textContent = 'Draft saved.';
        } else {
          state.textContent = 'Draft not saved (' + response.status + ').';
        }
      })
      .catch(function () { state.textContent = 'Draft not saved: no connection.'; });
  };
  fields.forEach(function (f) {
    f.addEventListener('input', function () {
      state.textContent = '';
      if (pending) {
        clearTimeout(pending);
      }
      pending = setTimeout(save, 800);
    });
  });
  form.addEventListener('submit', function () {
    if (pending) {
      clearTimeout(pending);
      pending = null;
    }
  });
})();
