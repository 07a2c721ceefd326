// Reply templates in the reply box: choosing one fills the text box from the record and shows a preview in which
// every merge field is marked; a field the record lacks stays as {{field}} in the text and is named in red.
(function () {
  'use strict';
  var box = document.querySelector('.reply-templates');
  var select = document.getElementById('reply-template');
  var text = document.getElementById('reply-text');
  if (!box || !select || !text) { return; }
  var preview = document.getElementById('reply-template-preview');
  var shown = preview.querySelector('.template-preview-text');
  var missing = preview.querySelector('.template-missing');
  var actions = preview.querySelector('.template-actions');
  var apply = document.getElementById('reply-template-apply');

  function show(filled, option) {
    shown.textContent = '';
    filled.parts.forEach(function (part) {
      if (part.kind === 'TEXT') {
        shown.appendChild(document.createTextNode(part.text));
        return;
      }
      var mark = document.createElement('mark');
      mark.className = 'merge-' + part.kind.toLowerCase();
      mark.dataset.field = part.field;
      mark.textContent = part.text;
      mark.title = part.kind === 'FILLED' ? part.field : part.kind === 'MISSING'
        ? part.field + ': not on record' : part.field + ': not a merge field';
      shown.appendChild(mark);
    });
    var lacking = filled.missing.concat(filled.unknown);
    missing.hidden = lacking.length === 0;
    missing.textContent = lacking.length === 0 ? '' : 'Not on record, fill in before sending: '
      + lacking.map(function (f) { return '{{' + f + '}}'; }).join(', ');
    var macro = option.dataset.macro === 'true';
    actions.hidden = !macro;
    actions.textContent = macro ? 'This macro also sets: ' + option.dataset.actions.replace(/;\s*$/, '') : '';
    apply.hidden = !macro;
    preview.hidden = false;
  }

  select.addEventListener('change', function () {
    var option = select.options[select.selectedIndex];
    if (!select.value) {
      preview.hidden = true;
      apply.hidden = true;
      return;
    }
    fetch(box.dataset.previewBase + encodeURIComponent(select.value) + '/preview',
      { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) { throw new Error(body.detail || body.title || 'The template could not be filled.'); }
          return body;
        });
      })
      .then(function (filled) {
        text.value = filled.text;
        text.dispatchEvent(new Event('input', { bubbles: true }));
        show(filled, option);
      })
      .catch(function (e) {
        preview.hidden = false;
        shown.textContent = '';
        missing.hidden = false;
        missing.textContent = e.message;
      });
  });
})();
