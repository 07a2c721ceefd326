// Tone check in the reply box: as the agent types (debounced), the draft is checked by the server; phrases that may
// read as hostile, sarcastic, dismissive, condescending or blaming are highlighted with a suggestion.
(function () {
  'use strict';
  var panel = document.getElementById('tone-check');
  var text = document.getElementById('reply-text');
  if (!panel || !text) { return; }
  var form = text.form;
  var summary = panel.querySelector('.tone-summary');
  var marked = panel.querySelector('.tone-marked');
  var list = panel.querySelector('.tone-findings');
  var timer = null;
  var asked = 0;

  function csrf() {
    var input = form && form.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  function render(draft, report) {
    list.textContent = '';
    marked.textContent = '';
    if (report.findings.length === 0) {
      panel.dataset.flagged = 'false';
      summary.textContent = draft.trim() ? 'Tone: nothing to flag.' : '';
      marked.hidden = true;
      return;
    }
    panel.dataset.flagged = String(report.flagged);
    summary.textContent = report.flagged
      ? 'Read this again before sending: it may land badly.'
      : 'Tone: a phrase or two may read as blunt.';
    var at = 0;
    report.findings.forEach(function (f) {
      marked.appendChild(document.createTextNode(draft.substring(at, f.start)));
      var mark = document.createElement('mark');
      mark.className = 'tone-' + f.kind.toLowerCase();
      mark.textContent = draft.substring(f.start, f.end);
      mark.title = f.kind.toLowerCase() + ': ' + f.suggestion;
      marked.appendChild(mark);
      at = f.end;
      var li = document.createElement('li');
      li.className = 'tone-finding';
      li.dataset.kind = f.kind.toLowerCase();
      var phrase = document.createElement('strong');
      phrase.textContent = '“' + f.phrase + '”';
      li.appendChild(phrase);
      li.appendChild(document.createTextNode(' — ' + f.kind.toLowerCase() + '. ' + f.suggestion));
      list.appendChild(li);
    });
    marked.appendChild(document.createTextNode(draft.substring(at)));
    marked.hidden = false;
  }

  function check() {
    var draft = text.value;
    var mine = ++asked;
    if (!draft.trim()) { render(draft, { flagged: false, findings: [] }); return; }
    var body = new URLSearchParams();
    body.set('text', draft);
    body.set('_csrf', csrf());
    fetch(panel.dataset.checkUrl, { method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('tone check unavailable'); } return r.json(); })
      .then(function (report) { if (mine === asked && draft === text.value) { render(draft, report); } })
      .catch(function () { if (mine === asked) { summary.textContent = 'Tone check unavailable just now.'; } });
  }

  text.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
  if (text.value.trim()) { check(); }
})();
