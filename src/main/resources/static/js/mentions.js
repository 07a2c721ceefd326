// @mentions in internal notes: typing @ and the start of a colleague's name lists matching active staff; picking
// one writes "@Their Name " into the note. The server finds the mention when the note is saved and notifies them.
(function () {
  "use strict";
  var script = document.currentScript;
  var source = script && script.dataset.mentionable;
  if (!source) { return; }

  function attach(area) {
    var list = document.createElement("ul");
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.id = (area.id || "note") + "-mentions";
    list.hidden = true;
    area.setAttribute("aria-controls", list.id);
    area.setAttribute("aria-autocomplete", "list");
    area.parentNode.insertBefore(list, area.nextSibling);
    var items = [], active = 0, start = -1, asked = 0;

    function typed() {
      var before = area.value.slice(0, area.selectionStart);
      var match = /(^|[^\w@])@([^\s@]{0,40}(?: [^\s@]{0,40})?)$/.exec(before);
      if (!match) { return null; }
      start = before.length - match[2].length - 1;
      return match[2];
    }

    function close() { list.hidden = true; items = []; list.replaceChildren(); }

    function show(found) {
      items = found; active = 0;
      list.replaceChildren();
      found.forEach(function (person, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.className = "mention-option";
        li.textContent = person.name + " ";
        var mail = document.createElement("span");
        mail.className = "muted";
        mail.textContent = person.email;
        li.appendChild(mail);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); pick(i); });
        list.appendChild(li);
      });
      list.hidden = found.length === 0;
      highlight();
    }

    function highlight() {
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === active ? "true" : "false");
      });
    }

    function pick(i) {
      var person = items[i];
      if (!person) { return; }
      var end = area.selectionStart;
      var text = "@" + person.handle + " ";
      area.value = area.value.slice(0, start) + text + area.value.slice(end);
      var caret = start + text.length;
      area.setSelectionRange(caret, caret);
      close();
      area.focus();
    }

    area.addEventListener("input", function () {
      var query = typed();
      if (query === null) { close(); return; }
      var ask = ++asked;
      fetch(source + "?q=" + encodeURIComponent(query), {headers: {"Accept": "application/json"}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (found) { if (ask === asked) { show(found); } })
        .catch(close);
    });
    area.addEventListener("keydown", function (e) {
      if (list.hidden) { return; }
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        active = (active + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
        highlight(); e.preventDefault();
      } else if (e.key === "Enter" || e.key === "Tab") {
        pick(active); e.preventDefault();
      } else if (e.key === "Escape") {
        close(); e.preventDefault();
      }
    });
    area.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  function init() {
    document.querySelectorAll("form.composer.note textarea, textarea[data-mentions]").forEach(attach);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
