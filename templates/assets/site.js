/* Page behaviour: theme toggle, copy buttons, syntax highlighting and lunr search. No network access. */
(function () {
  'use strict';

  function setUpThemeToggle() {
    var button = document.getElementById('theme-toggle');
    if (!button || !window.kubelessonsTheme) { return; }
    function label() { button.setAttribute('aria-pressed', String(window.kubelessonsTheme.effective() === 'dark')); }
    button.addEventListener('click', function () { window.kubelessonsTheme.toggle(); label(); });
    label();
  }

  function copyText(text) {
    // execCommand works on file:// pages and older browsers where the async clipboard API is missing or denied.
    function fallback() {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.top = '0';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      return ok ? Promise.resolve() : Promise.reject(new Error('copy refused'));
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(fallback);
    }
    return fallback();
  }

  function flash(button, text, state) {
    button.textContent = text;
    button.setAttribute('data-state', state);
    clearTimeout(button.kubelessonsTimer);
    button.kubelessonsTimer = setTimeout(function () {
      button.textContent = 'Copy';
      button.removeAttribute('data-state');
    }, 2500);
  }

  function setUpCopyButtons() {
    document.addEventListener('click', function (event) {
      var button = event.target.closest ? event.target.closest('button.copy') : null;
      if (!button) { return; }
      var code = button.parentNode.querySelector('code');
      var text = button.hasAttribute('data-copy') ? button.getAttribute('data-copy') : code ? code.textContent : '';
      copyText(text).then(function () { flash(button, 'Copied', 'copied'); },
        function () { flash(button, 'Select and copy', 'failed'); });
    });
  }

  function highlight() {
    if (!window.hljs) { return; }
    window.hljs.configure({ ignoreUnescapedHTML: true });
    document.querySelectorAll('pre code').forEach(function (block) { window.hljs.highlightElement(block); });
  }

  function setUpSearch() {
    var input = document.getElementById('search');
    var list = document.getElementById('search-results');
    if (!input || !list) { return; }
    if (!window.lunr || !window.KUBELESSONS_SEARCH) { input.parentNode.hidden = true; return; }
    var documents = {};
    var index = null;

    // Built on first use: the index is small, and pages that never search pay nothing.
    function lunrIndex() {
      if (index) { return index; }
      index = window.lunr(function () {
        this.ref('id');
        this.field('title', { boost: 10 });
        this.field('summary', { boost: 3 });
        this.field('id', { boost: 5 });
        this.field('body');
        window.KUBELESSONS_SEARCH.forEach(function (doc) { documents[doc.id] = doc; this.add(doc); }, this);
      });
      return index;
    }

    function find(text) {
      var terms = window.lunr.tokenizer(text);
      if (!terms.length) { return []; }
      return lunrIndex().query(function (query) {
        terms.forEach(function (token) {
          var term = token.toString();
          query.term(term, { boost: 10 });
          // Prefix match, so results appear while the reader is still typing.
          query.term(term, { usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING });
        });
      });
    }

    function show(text) {
      list.textContent = '';
      if (!text.trim()) { list.hidden = true; return; }
      var results = find(text).slice(0, 8);
      results.forEach(function (result) {
        var doc = documents[result.ref];
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = doc.href;
        var title = document.createElement('span');
        title.className = 'result-title';
        title.textContent = doc.id + ' \u00b7 ' + doc.title;
        link.appendChild(title);
        if (doc.summary) {
          var summary = document.createElement('span');
          summary.className = 'result-summary';
          summary.textContent = doc.summary;
          link.appendChild(summary);
        }
        item.appendChild(link);
        list.appendChild(item);
      });
      if (!results.length) {
        var none = document.createElement('li');
        none.className = 'no-results';
        none.textContent = 'No lesson matches \u201c' + text.trim() + '\u201d';
        list.appendChild(none);
      }
      list.hidden = false;
    }

    input.addEventListener('input', function () { show(input.value); });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        var first = list.querySelector('a');
        if (first) { window.location.href = first.getAttribute('href'); }
      } else if (event.key === 'Escape') {
        input.value = '';
        show('');
      }
    });
    document.addEventListener('keydown', function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
      if (event.key === '/' && !typing) { event.preventDefault(); input.focus(); }
    });
    document.addEventListener('click', function (event) {
      if (!input.parentNode.contains(event.target)) { list.hidden = true; }
    });
  }

  // The learner's path (top-down, bottom-up, sre): chosen on the index or in a pager, followed by every page's pager.
  var PATH_KEY = 'kubelessons-path';

  function chosenPath() {
    try { return localStorage.getItem(PATH_KEY); } catch (e) { return null; } // storage may be blocked: the default path then
  }

  function choosePath(path) {
    try { localStorage.setItem(PATH_KEY, path); } catch (e) { /* followed on this page only */ }
  }

  function setUpPathPager() {
    document.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[data-path]') : null;
      if (link) { choosePath(link.getAttribute('data-path')); }
    });
    var pager = document.querySelector('.pager');
    if (!pager) { return; }
    var pagers = Array.prototype.slice.call(pager.querySelectorAll('.pager-path'));
    var switcher = pager.querySelector('.pager-switch');
    var buttons = switcher ? Array.prototype.slice.call(switcher.querySelectorAll('button')) : [];
    function show(path) {
      // A path this lesson is not on leaves the choice as it is and shows the default (first) pager.
      var shown = pagers.filter(function (p) { return p.getAttribute('data-path') === path; })[0] || pagers[0];
      pagers.forEach(function (p) { p.hidden = p !== shown; });
      buttons.forEach(function (b) { b.hidden = b.getAttribute('data-path') === shown.getAttribute('data-path'); });
      if (switcher) { switcher.hidden = false; }
      return shown;
    }
    buttons.forEach(function (button) {
      button.addEventListener('click', function () {
        choosePath(button.getAttribute('data-path'));
        var link = show(button.getAttribute('data-path')).querySelector('a');
        if (link) { link.focus(); } // the pressed button is hidden now: keep keyboard users in the pager
      });
    });
    show(chosenPath());
  }

  setUpThemeToggle();
  setUpPathPager();
  setUpCopyButtons();
  highlight();
  setUpSearch();
})();

// Print every hint and solution open, and close again what the reader had closed (issue 14: paper has no click).
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details:not([open])').forEach(function (d) { d.setAttribute('data-print-opened', ''); d.open = true; });
});
window.addEventListener('afterprint', function () {
  document.querySelectorAll('details[data-print-opened]').forEach(function (d) { d.removeAttribute('data-print-opened'); d.open = false; });
});
