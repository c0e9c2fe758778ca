/* adrkit decision-log diagrams: renders ```mermaid blocks with the local Mermaid bundle (assets/mermaid.js).
   Loaded only on pages with a diagram. Without JavaScript the diagram's source stays visible. */
(function () {
  'use strict';
  function start() {
    var mermaid = globalThis.mermaid;
    var blocks = document.querySelectorAll('pre > code.language-mermaid');
    if (!mermaid || blocks.length === 0) return;
    var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default', fontFamily: 'system-ui, sans-serif' });
    Array.prototype.forEach.call(blocks, function (code, i) {
      var pre = code.parentNode;
      var source = code.textContent || '';
      var figure = document.createElement('figure');
      figure.className = 'diagram';
      pre.parentNode.insertBefore(figure, pre);
      mermaid.render('adrkit-diagram-' + (i + 1), source).then(function (result) {
        figure.innerHTML = result.svg;
        var svg = figure.querySelector('svg');
        if (svg) {
          svg.setAttribute('role', 'img');
          svg.setAttribute('aria-label', 'Diagram ' + (i + 1) + ' (source below)');
        }
        // The source stays on the page, folded, for copy and for readers who want the text.
        var details = document.createElement('details');
        var summary = document.createElement('summary');
        summary.textContent = 'Diagram source';
        details.className = 'diagram-source';
        details.appendChild(summary);
        pre.parentNode.insertBefore(details, pre);
        details.appendChild(pre);
      }, function (error) {
        figure.remove();
        pre.classList.add('diagram-error');
        pre.setAttribute('title', 'Mermaid could not draw this diagram: ' + (error && error.message ? error.message : error));
      });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
