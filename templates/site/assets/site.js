/* adrkit decision-log behaviour: index filter and sort, lazy search. No network: works from file://. */
(function () {
  'use strict';
  var script = document.currentScript;
  var root = (script && script.getAttribute('data-root')) || '';

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement('script');
      el.src = root + src;
      el.onload = resolve;
      el.onerror = function () { reject(new Error('cannot load ' + src)); };
      document.head.appendChild(el);
    });
  }

  var searchReady;
  function ensureSearch() {
    if (!searchReady) {
      searchReady = loadScript('assets/minisearch.js')
        .then(function () { return loadScript('search-index.js'); })
        .then(function () {
          var data = globalThis.ADRKIT_SEARCH;
          return { engine: globalThis.MiniSearch.loadJS(data.index, { fields: data.fields, storeFields: [] }), docs: data.docs };
        });
    }
    return searchReady;
  }

  // Search terms of a query, lower-case, for highlighting (prefix matches, as the search runs).
  function termsOf(query) {
    return query.toLowerCase().split(/[\s\p{P}]+/u).filter(function (w) { return w.length > 1; });
  }

  // Appends `text` to `el`, with the words starting with one of `terms` in <mark>.
  function appendHighlighted(el, text, terms) {
    if (terms.length === 0) { el.appendChild(document.createTextNode(text)); return; }
    var escaped = terms.map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
    var re = new RegExp('(^|[^\\p{L}\\p{N}])((?:' + escaped.join('|') + ')[\\p{L}\\p{N}]*)', 'giu');
    var last = 0;
    var m;
    while ((m = re.exec(text)) !== null) {
      var start = m.index + m[1].length;
      if (start > last) el.appendChild(document.createTextNode(text.slice(last, start)));
      var mark = document.createElement('mark');
      mark.textContent = m[2];
      el.appendChild(mark);
      last = start + m[2].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    if (last < text.length) el.appendChild(document.createTextNode(text.slice(last)));
  }

  function setupSearch() {
    var input = document.getElementById('q');
    var out = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    if (!input || !out) return;
    var active = -1;
    function options() { return out.querySelectorAll('[role="option"]'); }
    function setActive(n) {
      var list = options();
      if (list.length === 0) { active = -1; input.removeAttribute('aria-activedescendant'); return; }
      active = (n + list.length) % list.length;
      Array.prototype.forEach.call(list, function (el, i) { el.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
      input.setAttribute('aria-activedescendant', list[active].id);
      list[active].scrollIntoView({ block: 'nearest' });
    }
    function clear() {
      out.textContent = '';
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }
    input.addEventListener('focus', function () { ensureSearch().catch(function () {}); });
    input.addEventListener('input', function () {
      var query = input.value.trim();
      ensureSearch().then(function (s) {
        if (input.value.trim() !== query) return;
        clear();
        if (!query) { if (status) status.textContent = ''; return; }
        var hits = s.engine.search(query, { prefix: true, fuzzy: 0.2, boost: { title: 3, tags: 2, options: 2, blips: 2, deciders: 2 } }).slice(0, 20);
        var terms = termsOf(query);
        if (status) status.textContent = hits.length === 0 ? 'No decision record matches' : hits.length + ' decision records found; use the arrow keys to choose one';
        if (hits.length === 0) {
          var none = document.createElement('li');
          none.className = 'none';
          none.textContent = 'No decision record matches';
          out.appendChild(none);
        }
        hits.forEach(function (hit, i) {
          var doc = s.docs[hit.id];
          var li = document.createElement('li');
          li.setAttribute('role', 'option');
          li.setAttribute('aria-selected', 'false');
          li.id = 'search-hit-' + i;
          var a = document.createElement('a');
          a.href = root + doc[0];
          a.tabIndex = -1;
          var title = document.createElement('span');
          title.className = 'hit-title';
          appendHighlighted(title, doc[1], terms);
          var badge = document.createElement('span');
          badge.className = 'badge s-' + (/^[a-z]+$/.test(doc[2]) ? doc[2] : 'unknown');
          badge.textContent = doc[2];
          a.appendChild(title);
          a.appendChild(document.createTextNode(' '));
          a.appendChild(badge);
          if (doc[3]) {
            var snippet = document.createElement('span');
            snippet.className = 'snippet';
            appendHighlighted(snippet, doc[3], terms);
            a.appendChild(snippet);
          }
          li.appendChild(a);
          out.appendChild(li);
        });
        input.setAttribute('aria-expanded', hits.length > 0 ? 'true' : 'false');
      });
    });
    input.addEventListener('keydown', function (e) {
      var list = options();
      if (e.key === 'Escape') { input.value = ''; clear(); if (status) status.textContent = ''; }
      else if (e.key === 'ArrowDown' && list.length) { e.preventDefault(); setActive(active + 1); }
      else if (e.key === 'ArrowUp' && list.length) { e.preventDefault(); setActive(active < 0 ? -1 : active - 1); }
      else if (e.key === 'Enter') {
        var target = list[active >= 0 ? active : 0];
        if (target && list.length) { e.preventDefault(); location.href = target.querySelector('a').href; }
      }
    });
    out.addEventListener('mousemove', function (e) {
      var li = e.target.closest ? e.target.closest('[role="option"]') : null;
      if (li) setActive(Array.prototype.indexOf.call(options(), li));
    });
    document.addEventListener('click', function (e) {
      if (!out.contains(e.target) && e.target !== input) clear();
    });
  }

  // Which records link which blip: positions of the home page's rows, per blip id (blip-index.js).
  var blipsReady;
  function ensureBlips() {
    if (!blipsReady) {
      blipsReady = loadScript('blip-index.js').then(function () {
        var byBlip = new Map();
        (globalThis.ADRKIT_BLIPS || []).forEach(function (pair) { byBlip.set(pair[0], new Set(pair[1])); });
        return byBlip;
      });
    }
    return blipsReady;
  }

  // Status badges and tag links: each row of a records table gets the class s-<status> from its
  // status cell, whose text becomes a badge; tag names become links to their tag pages (the home
  // page ships plain text to stay small; the tag keys come from the tag filter's options).
  function decorateRows() {
    var tagKeys = {};
    var tagSelect = document.getElementById('f-tag');
    if (tagSelect) Array.prototype.forEach.call(tagSelect.options, function (o) { if (o.dataset.k) tagKeys[o.value || o.textContent] = o.dataset.k; });
    var tables = document.querySelectorAll('table.records');
    Array.prototype.forEach.call(tables, function (table) {
      Array.prototype.forEach.call(table.tBodies[0] ? table.tBodies[0].rows : [], function (row) {
        var cell = row.cells[2];
        var status = cell ? (cell.textContent || '').trim() : '';
        if (!/^[a-z]+$/.test(status)) return;
        row.classList.add('s-' + status);
        if (!cell.querySelector('.badge')) {
          var badge = document.createElement('span');
          badge.className = 'badge s-' + status;
          badge.textContent = status;
          cell.textContent = '';
          cell.appendChild(badge);
        }
        var tags = row.cells[4];
        if (tags && !tags.querySelector('a')) {
          var names = (tags.textContent || '').split(', ').filter(Boolean);
          if (names.length && names.every(function (n) { return tagKeys[n]; })) {
            tags.textContent = '';
            names.forEach(function (n, i) {
              if (i) tags.appendChild(document.createTextNode(', '));
              var a = document.createElement('a');
              a.className = 'tag';
              a.href = root + 'tags/' + tagKeys[n] + '.html';
              a.textContent = n;
              tags.appendChild(a);
            });
          }
        }
      });
    });
  }

  // Timeline: show or hide events by kind (created, accepted, superseded...).
  function setupTimeline() {
    var kinds = document.getElementById('kinds');
    if (!kinds) return;
    kinds.hidden = false;
    function apply() {
      var on = {};
      Array.prototype.forEach.call(kinds.querySelectorAll('input'), function (box) { on[box.value] = box.checked; });
      Array.prototype.forEach.call(document.querySelectorAll('.events li[data-kind]'), function (li) { li.hidden = !on[li.dataset.kind]; });
      Array.prototype.forEach.call(document.querySelectorAll('section.month'), function (section) {
        section.hidden = !section.querySelector('.events li[data-kind]:not([hidden])');
      });
    }
    kinds.addEventListener('change', apply);
    apply();
  }

  // Record page: a revisit date in the past is marked overdue (the build itself reads no clock).
  function markOverdue() {
    var today = new Date().toISOString().slice(0, 10);
    Array.prototype.forEach.call(document.querySelectorAll('time.revisit'), function (el) {
      if ((el.getAttribute('datetime') || '') < today) {
        var mark = document.createElement('span');
        mark.className = 'badge overdue';
        mark.textContent = 'overdue';
        el.parentNode.appendChild(document.createTextNode(' '));
        el.parentNode.appendChild(mark);
      }
    });
  }

  function setupFilters() {
    var form = document.getElementById('filters');
    var table = document.getElementById('records');
    if (!form || !table) return;
    form.hidden = false;
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.forEach(function (row, i) { row.dataset.i = String(i); });
    var shown = document.getElementById('shown');
    function value(id) { var el = document.getElementById(id); return el ? el.value : ''; }
    function cell(row, n) { return row.cells[n].textContent || ''; }
    var order = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'unknown'];
    var applied = 0;
    function apply() {
      var blip = value('f-blip');
      var run = ++applied;
      if (!blip) return filter(null);
      ensureBlips().then(function (byBlip) {
        if (run === applied) filter(byBlip.get(blip) || new Set());
      }, function () {
        if (shown) shown.textContent = '?';
      });
    }
    function filter(blipRows) {
      var status = value('f-status'), tag = value('f-tag'), blip = value('f-blip'), sort = value('f-sort');
      var count = 0;
      rows.forEach(function (row, i) {
        var ok = (!status || cell(row, 2) === status) &&
          (!tag || cell(row, 4).split(', ').indexOf(tag) !== -1) &&
          (!blipRows || blipRows.has(i));
        row.hidden = !ok;
        if (ok) count++;
      });
      if (shown) shown.textContent = String(count);
      var sorted = rows.slice().sort(function (a, b) {
        var d = 0;
        if (sort === 'date' || sort === 'date-desc') d = cell(a, 3) < cell(b, 3) ? -1 : cell(a, 3) > cell(b, 3) ? 1 : 0;
        if (sort === 'date-desc') d = -d;
        if (sort === 'title') d = cell(a, 1).localeCompare(cell(b, 1));
        if (sort === 'status') d = order.indexOf(cell(a, 2)) - order.indexOf(cell(b, 2));
        return d || Number(a.dataset.i) - Number(b.dataset.i);
      });
      sorted.forEach(function (row) { tbody.appendChild(row); });
      var params = [];
      if (status) params.push('status=' + encodeURIComponent(status));
      if (tag) params.push('tag=' + encodeURIComponent(tag));
      if (blip) params.push('blip=' + encodeURIComponent(blip));
      if (sort && sort !== 'number') params.push('sort=' + encodeURIComponent(sort));
      if (history.replaceState) history.replaceState(null, '', params.length ? '#' + params.join('&') : location.pathname + location.search);
    }
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var kv = pair.split('=');
      var el = document.getElementById('f-' + kv[0]);
      if (!el || kv[1] === undefined) return;
      try { el.value = decodeURIComponent(kv[1]); } catch (e) { /* a malformed hash is ignored */ }
    });
    form.addEventListener('change', apply);
    apply();
  }

  function start() { decorateRows(); setupSearch(); setupFilters(); setupTimeline(); markOverdue(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
