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

  function setupSearch() {
    var input = document.getElementById('q');
    var out = document.getElementById('search-results');
    if (!input || !out) return;
    input.addEventListener('focus', function () { ensureSearch().catch(function () {}); });
    input.addEventListener('input', function () {
      var query = input.value.trim();
      ensureSearch().then(function (s) {
        if (input.value.trim() !== query) return;
        out.textContent = '';
        if (!query) return;
        var hits = s.engine.search(query, { prefix: true, fuzzy: 0.2, boost: { title: 3, tags: 2 } }).slice(0, 20);
        if (hits.length === 0) {
          var none = document.createElement('li');
          none.textContent = 'No decision record matches';
          out.appendChild(none);
        }
        hits.forEach(function (hit) {
          var doc = s.docs[hit.id];
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = root + doc[0];
          a.textContent = doc[1] + ' (' + doc[2] + ')';
          li.appendChild(a);
          out.appendChild(li);
        });
      });
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { input.value = ''; out.textContent = ''; }
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

  // Status badges: each row of a records table gets the class s-<status> from its status cell.
  function decorateRows() {
    var tables = document.querySelectorAll('table.records');
    Array.prototype.forEach.call(tables, function (table) {
      Array.prototype.forEach.call(table.tBodies[0] ? table.tBodies[0].rows : [], function (row) {
        var status = row.cells[2] ? (row.cells[2].textContent || '').trim() : '';
        if (/^[a-z]+$/.test(status)) row.classList.add('s-' + status);
      });
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

  function start() { decorateRows(); setupSearch(); setupFilters(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
