// Keyboard shortcuts of the inbox and conversation pages, and the inbox's bulk selection. Plain JS, no framework.
// Shortcuts never fire while the agent types in a field, nor with Ctrl, Alt or Meta held.
(function () {
  'use strict';

  var SHORTCUTS = [
    ['j', 'Next conversation in the list'],
    ['k', 'Previous conversation in the list'],
    ['o or Enter', 'Open the conversation chosen with j/k'],
    ['x', 'Select or unselect the conversation chosen with j/k'],
    ['r', 'Write a reply (conversation page)'],
    ['n', 'Write an internal note (conversation page)'],
    ['/', 'Search'],
    ['?', 'Show or hide this help'],
    ['Esc', 'Close this help']
  ];

  function typing(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }

  // ---- the inbox list: j/k move a highlight, o/Enter open, x select
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#inbox tr.inbox-row'));
  }

  function currentIndex(list) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].classList.contains('current')) {
        return i;
      }
    }
    return -1;
  }

  function move(step) {
    var list = rows();
    if (list.length === 0) {
      return false;
    }
    var from = currentIndex(list);
    var to = from === -1 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, from + step));
    if (from !== -1) {
      list[from].classList.remove('current');
      list[from].removeAttribute('aria-current');
    }
    list[to].classList.add('current');
    list[to].setAttribute('aria-current', 'true');
    if (list[to].scrollIntoView) {
      list[to].scrollIntoView({block: 'nearest'});
    }
    return true;
  }

  function current() {
    var list = rows();
    var i = currentIndex(list);
    return i === -1 ? null : list[i];
  }

  function openCurrent() {
    var row = current();
    var link = row && row.querySelector('a.subject');
    if (link) {
      window.location.href = link.href;
      return true;
    }
    return false;
  }

  function toggleCurrent() {
    var row = current();
    var box = row && row.querySelector('input[name=selected]');
    if (box) {
      box.checked = !box.checked;
      selectionChanged();
      return true;
    }
    return false;
  }

  function focusField(selector) {
    var field = document.querySelector(selector);
    if (field) {
      field.focus();
      if (field.scrollIntoView) {
        field.scrollIntoView({block: 'center'});
      }
      return true;
    }
    return false;
  }

  // ---- the help overlay
  function help() {
    var existing = document.getElementById('shortcut-help');
    if (existing) {
      return existing;
    }
    var overlay = document.createElement('div');
    overlay.id = 'shortcut-help';
    overlay.className = 'shortcut-help';
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-labelledby', 'shortcut-help-title');
    overlay.hidden = true;
    var box = document.createElement('div');
    box.className = 'shortcut-box';
    var title = document.createElement('h2');
    title.id = 'shortcut-help-title';
    title.textContent = 'Keyboard shortcuts';
    box.appendChild(title);
    var table = document.createElement('table');
    SHORTCUTS.forEach(function (s) {
      var tr = document.createElement('tr');
      var key = document.createElement('td');
      var kbd = document.createElement('kbd');
      kbd.textContent = s[0];
      key.appendChild(kbd);
      var what = document.createElement('td');
      what.textContent = s[1];
      tr.appendChild(key);
      tr.appendChild(what);
      table.appendChild(tr);
    });
    box.appendChild(table);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', function () { overlay.hidden = true; });
    box.appendChild(close);
    overlay.appendChild(box);
    overlay.addEventListener('click', function (e) {
      if (e.target === overlay) {
        overlay.hidden = true;
      }
    });
    document.body.appendChild(overlay);
    return overlay;
  }

  document.addEventListener('keydown', function (e) {
    var overlay = document.getElementById('shortcut-help');
    if (e.key === 'Escape' && overlay && !overlay.hidden) {
      overlay.hidden = true;
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) {
      return;
    }
    var handled = false;
    switch (e.key) {
      case 'j': handled = move(1); break;
      case 'k': handled = move(-1); break;
      case 'o': case 'Enter': handled = e.key === 'Enter' && e.target !== document.body ? false : openCurrent(); break;
      case 'x': handled = toggleCurrent(); break;
      case 'r': handled = focusField('#reply-text'); break;
      case 'n': handled = focusField('#note-text'); break;
      case '/': handled = focusField('[data-shortcut=search], input[type=search]'); break;
      case '?':
        var h = help();
        h.hidden = !h.hidden;
        handled = true;
        break;
      default: break;
    }
    if (handled) {
      e.preventDefault();
    }
  });

  // ---- bulk selection: the count, "select all", and merge targets among the selected
  function selectionChanged() {
    var form = document.getElementById('bulk-form');
    if (!form) {
      return;
    }
    var boxes = Array.prototype.slice.call(document.querySelectorAll('#inbox input[name=selected]'));
    var chosen = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var count = form.querySelector('.bulk-count');
    if (count) {
      count.textContent = chosen.length + ' selected';
    }
    form.classList.toggle('active', chosen.length > 0);
    var into = form.querySelector('select[name=into]');
    if (into) {
      Array.prototype.forEach.call(into.options, function (option) {
        option.hidden = option.value !== '' && chosen.length > 0 && chosen.indexOf(option.value) === -1;
      });
      if (into.selectedOptions.length && into.selectedOptions[0].hidden) {
        into.value = '';
      }
    }
    var all = document.querySelector('#inbox .select-all');
    if (all) {
      all.checked = boxes.length > 0 && chosen.length === boxes.length;
      all.indeterminate = chosen.length > 0 && chosen.length < boxes.length;
    }
  }

  document.addEventListener('change', function (e) {
    var target = e.target;
    if (target.classList && target.classList.contains('select-all')) {
      document.querySelectorAll('#inbox input[name=selected]').forEach(function (b) { b.checked = target.checked; });
      selectionChanged();
    } else if (target.name === 'selected') {
      selectionChanged();
    }
  });
  // The filters change the list without a reload (htmx pushes the new address): save what the address says now.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.classList && form.classList.contains('save-view') && form.elements.query) {
      var params = new URLSearchParams(window.location.search);
      params.delete('page');
      params.delete('view');
      // URLSearchParams writes a space as '+' (a plus is %2B); the saved query spells a space %20
      form.elements.query.value = params.toString().replace(/\+/g, '%20');
    }
  });
  document.addEventListener('htmx:afterSwap', selectionChanged);
  selectionChanged();
  document.documentElement.setAttribute('data-shortcuts', 'ready'); // for tests: the keys listen from now on
})();
