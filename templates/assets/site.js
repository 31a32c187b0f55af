/* Page behaviour: theme toggle, the learner's path, copy buttons, syntax highlighting and lunr search (loaded on first use). No network access. */
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

  // Shell blocks are mostly commands ('kubectl get pods -o wide'), where highlight.js's bash grammar finds nothing to
  // colour: a third of the course's sh blocks stayed plain, and '--rm' showed 'rm' as a builtin. Two modes, tried
  // before bash's own: the command word at a line's start (or after a pipe) and whole flags.
  function extendShell(hljs) {
    var bash = hljs.getLanguage('bash');
    if (!bash || bash.kubelessonsCommands) { return; }
    bash.kubelessonsCommands = true;
    bash.contains.unshift(
      { scope: 'attr', match: /(?<=\s)--?[A-Za-z][\w-]*/ },
      { scope: 'built_in',
        match: /(?<=^|[|;&(]\s*)(?!(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|in|function|select|time)\b)[A-Za-z][\w.-]*(?=\s|$)/ });
  }

  // highlight.js (its core and the grammars the page's code uses, listed in body's data-highlighter) loads when a code
  // block comes within a screen of view, not with the page: its 43 KiB core was the largest task of a lesson page's
  // load on a phone, for code that most lesson pages show only further down. Printing starts the load too, though
  // too late for that print, which may show code plain.
  function highlight() {
    var wanted = (document.body.getAttribute('data-highlighter') || '').split(' ').filter(Boolean);
    var codes = document.querySelectorAll('pre code[class*="language-"]');
    if (!wanted.length || !codes.length) { return; } // a page without code loads no highlighter
    var started = false;
    var near = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { load(); }
    }, { rootMargin: '100% 0px' }) : null;
    function load() {
      if (started) { return; }
      started = true;
      if (near) { near.disconnect(); }
      var left = wanted.length;
      wanted.forEach(function (src) {
        var script = document.createElement('script');
        script.src = src;
        script.async = false; // run in order: the core before its grammars
        script.onload = function () { if (--left === 0) { colour(); } };
        document.head.appendChild(script);
      });
    }
    if (near) { codes.forEach(function (code) { near.observe(code); }); } else { load(); }
    window.addEventListener('beforeprint', load);
  }

  function colour() {
    var hljs = window.hljs;
    if (!hljs) { return; }
    hljs.configure({ ignoreUnescapedHTML: true });
    extendShell(hljs);
    var blocks = Array.prototype.filter.call(document.querySelectorAll('pre code[class*="language-"]'), function (block) {
      var language = /language-([\w+#-]+)/.exec(block.className);
      return language && hljs.getLanguage(language[1]); // plaintext stays plain
    });
    // In slices of about 8 ms, each its own task, so a phone stays responsive while a long lesson is coloured: a phone
    // is several times slower than this machine, and a task over 50 ms there counts as blocking (Lighthouse's TBT).
    function slice() {
      var start = Date.now();
      while (blocks.length && Date.now() - start < 8) { hljs.highlightElement(blocks.shift()); }
      if (blocks.length) { setTimeout(slice, 0); } else { document.documentElement.setAttribute('data-highlighted', ''); }
    }
    setTimeout(slice, 0);
  }

  // The site's root, from this script's own address: search files load from there on any page.
  var ROOT = (document.currentScript && document.currentScript.src || '').replace(/assets\/site\.js(\?.*)?$/, '');

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = ROOT + src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error(src + ' did not load')); };
      document.head.appendChild(script);
    });
  }

  // lunr and the index load on the first use of the search box (a script, not fetch(): fetch fails on file:// pages).
  var searchReady = null;
  function loadSearch() {
    if (!searchReady) {
      searchReady = loadScript('assets/lunr.min.js').then(function () { return loadScript('search-index.js'); }).then(function () {
        if (!window.lunr || !window.KUBELESSONS_SEARCH) { throw new Error('the search index is missing'); }
        return searchIndex(window.KUBELESSONS_SEARCH);
      });
    }
    return searchReady;
  }

  // One document per lesson (its summary, objectives and introduction) and one per step, so a result opens the step.
  function searchIndex(lessons) {
    var documents = {};
    var index = window.lunr(function () {
      this.ref('ref');
      this.field('title', { boost: 10 });
      this.field('lesson', { boost: 2 });
      this.field('body');
      this.metadataWhitelist = ['position']; // where the terms are, for the snippet's highlights
      lessons.forEach(function (lesson) {
        var docs = [{ ref: lesson.id, title: lesson.title + ' ' + lesson.id, lesson: '', body: lesson.summary + ' ' + lesson.body,
          href: lesson.href, heading: lesson.id + ' \u00b7 ' + lesson.title }];
        (lesson.steps || []).forEach(function (step) {
          docs.push({ ref: lesson.id + '#' + step.anchor, title: step.title, lesson: lesson.title + ' ' + lesson.id, body: step.body,
            href: lesson.href + '#' + step.anchor, heading: lesson.id + ' \u00b7 ' + step.title });
        });
        docs.forEach(function (doc) { documents[doc.ref] = doc; this.add(doc); }, this);
      }, this);
    });
    return { index: index, documents: documents };
  }

  function find(search, text) {
    var terms = window.lunr.tokenizer(text);
    if (!terms.length) { return []; }
    return search.index.query(function (query) {
      terms.forEach(function (token) {
        var term = token.toString();
        query.term(term, { boost: 10 });
        // Prefix match, so results appear while the reader is still typing.
        query.term(term, { usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING });
      });
    });
  }

  // About 180 characters of the text around the first match in it, the matched words in <mark>; DOM nodes, never HTML.
  function snippet(doc, result) {
    var spans = [];
    Object.keys(result.matchData.metadata).forEach(function (term) {
      var fields = result.matchData.metadata[term];
      ((fields.body && fields.body.position) || []).forEach(function (p) { spans.push(p); });
    });
    var text = doc.body;
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var from = spans.length ? Math.max(0, spans[0][0] - 60) : 0;
    var to = Math.min(text.length, from + 180);
    if (from > 0) { from = text.indexOf(' ', from) + 1 || from; }
    if (to < text.length) { to = Math.max(text.lastIndexOf(' ', to), spans.length ? spans[0][0] + spans[0][1] : from); }
    var out = document.createElement('span');
    out.className = 'result-snippet';
    var at = from;
    out.appendChild(document.createTextNode(from > 0 ? '\u2026' : ''));
    spans.forEach(function (p) {
      if (p[0] < at || p[0] + p[1] > to) { return; }
      out.appendChild(document.createTextNode(text.slice(at, p[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(p[0], p[0] + p[1]);
      out.appendChild(mark);
      at = p[0] + p[1];
    });
    out.appendChild(document.createTextNode(text.slice(at, to) + (to < text.length ? '\u2026' : '')));
    return out;
  }

  function setUpSearch() {
    var input = document.getElementById('search');
    var list = document.getElementById('search-results');
    if (!input || !list) { return; }

    function message(text) {
      list.textContent = '';
      var item = document.createElement('li');
      item.className = 'no-results';
      item.textContent = text;
      list.appendChild(item);
      list.hidden = false;
    }

    function show(search, text) {
      list.textContent = '';
      if (!text.trim()) { list.hidden = true; return; }
      var results = find(search, text).slice(0, 8);
      results.forEach(function (result) {
        var doc = search.documents[result.ref];
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = doc.href;
        var title = document.createElement('span');
        title.className = 'result-title';
        title.textContent = doc.heading;
        link.appendChild(title);
        if (doc.lesson) {
          var lesson = document.createElement('span');
          lesson.className = 'result-lesson';
          lesson.textContent = search.documents[result.ref.split('#')[0]].heading;
          link.appendChild(lesson);
        }
        link.appendChild(snippet(doc, result));
        item.appendChild(link);
        list.appendChild(item);
      });
      if (!results.length) { message('Nothing matches \u201c' + text.trim() + '\u201d'); }
      list.hidden = false;
    }

    function update() {
      var text = input.value;
      if (!text.trim()) { list.hidden = true; return; }
      loadSearch().then(function (search) {
        if (input.value === text) { show(search, text); } // a newer keystroke has its own turn
      }, function (error) { message('Search is not available here: ' + error.message); });
    }

    function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }

    input.addEventListener('focus', function () { loadSearch().catch(function () { /* said when the reader types */ }); });
    input.addEventListener('input', update);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        var first = list.querySelector('a');
        if (first) { first.click(); }
      } else if (event.key === 'ArrowDown' && !list.hidden && links().length) {
        event.preventDefault();
        links()[0].focus();
      } else if (event.key === 'Escape') {
        input.value = '';
        list.hidden = true;
      }
    });
    // Arrow keys move through the results; up from the first returns to the box, Escape closes the list.
    list.addEventListener('keydown', function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && at >= 0) {
        event.preventDefault();
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (event.key === 'ArrowUp' && at >= 0) {
        event.preventDefault();
        (at === 0 ? input : all[at - 1]).focus();
      } else if (event.key === 'Escape') {
        list.hidden = true;
        input.focus();
      }
    });
    list.addEventListener('click', function (event) {
      if (event.target.closest && event.target.closest('a')) { list.hidden = true; } // a step of this page: stay, close
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

  // The step list: open as a sidebar on wide screens, folded on phones; a step is done when the learner ticks it (kept
  // per lesson in localStorage) or when the live page marks its checks passed (data-done on the step).
  function setUpStepList() {
    var nav = document.querySelector('.steps-nav');
    if (!nav) { return; }
    var toc = nav.querySelector('details');
    var wide = window.matchMedia('(min-width: 75rem)');
    function fit() { toc.open = wide.matches; }
    if (wide.addEventListener) { wide.addEventListener('change', fit); }
    fit();

    var key = 'kubelessons-done:' + location.pathname.replace(/^.*\//, '').replace(/\.html$/, '');
    var ticked = {};
    try { (JSON.parse(localStorage.getItem(key)) || []).forEach(function (a) { ticked[a] = true; }); } catch (e) { /* none kept */ }
    var links = Array.prototype.slice.call(nav.querySelectorAll('a[data-step]'));
    var boxes = Array.prototype.slice.call(document.querySelectorAll('.step-done input[data-step]'));
    var count = nav.querySelector('.steps-progress');

    function done(anchor) {
      var section = document.getElementById(anchor);
      return ticked[anchor] || (section && section.getAttribute('data-done') === 'true');
    }
    function render() {
      var n = 0;
      links.forEach(function (link) {
        var anchor = link.getAttribute('data-step');
        var isDone = done(anchor);
        if (isDone) { n++; }
        link.parentNode.classList.toggle('done', !!isDone);
        link.setAttribute('aria-label', link.textContent + (isDone ? ' (done)' : ''));
      });
      boxes.forEach(function (box) { box.checked = !!ticked[box.getAttribute('data-step')]; });
      count.textContent = n + ' of ' + links.length + ' done';
      count.hidden = false;
    }
    boxes.forEach(function (box) {
      box.parentNode.parentNode.hidden = false;
      box.addEventListener('change', function () {
        ticked[box.getAttribute('data-step')] = box.checked;
        var kept = Object.keys(ticked).filter(function (a) { return ticked[a]; });
        try { localStorage.setItem(key, JSON.stringify(kept)); } catch (e) { /* this page only */ }
        render();
      });
    });
    if (window.MutationObserver) {
      var observer = new MutationObserver(render);
      document.querySelectorAll('section.step').forEach(function (s) { observer.observe(s, { attributes: true, attributeFilter: ['data-done'] }); });
    }
    // The step in view is marked in the list.
    if (window.IntersectionObserver) {
      var visible = {};
      var seen = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) { visible[e.target.id] = e.isIntersecting; });
        var current = links.filter(function (l) { return visible[l.getAttribute('data-step')]; })[0];
        links.forEach(function (l) { if (l === current) { l.setAttribute('aria-current', 'location'); } else { l.removeAttribute('aria-current'); } });
      }, { rootMargin: '-20% 0px -60% 0px' });
      links.forEach(function (l) { var s = document.getElementById(l.getAttribute('data-step')); if (s) { seen.observe(s); } });
    }
    nav.addEventListener('click', function (event) {
      if (event.target.closest('a') && !wide.matches) { toc.open = false; } // on a phone the list folds away once used
    });
    render();
  }

  setUpThemeToggle();
  setUpPathPager();
  setUpStepList();
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
