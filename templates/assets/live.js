/* The live lesson page (jbang lesson <id> --web): check verdicts, step progress, the cluster banner, the tutor's buttons
   and the namespace map, all from the live server that served this page. Loaded only by that server; never on the
   static site. Everything from the server is set as text (textContent), never as HTML. */
(function () {
  'use strict';

  var meta = document.querySelector('meta[name="kubelessons-live"]');
  if (!meta || !window.EventSource || !window.fetch) { return; }
  var token = meta.getAttribute('content');
  var lesson = meta.getAttribute('data-lesson');
  var LABELS = { PASS: 'PASS', FAIL: 'FAIL', SKIPPED: 'SKIP', ERROR: 'ERR' };
  var verdicts = {};

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function post(action, query) {
    return fetch('/actions/' + encodeURIComponent(lesson) + '/' + action + (query || ''), {
      method: 'POST', headers: { 'X-Kubelessons-Token': token }, cache: 'no-store'
    }).then(function (response) {
      if (!response.ok) { return response.text().then(function (text) { showNote(text.trim()); }); }
    }).catch(function () { showNote('The live server does not answer: is the tutor still running?'); });
  }

  function button(label, onClick) {
    var node = element('button', 'live-button', label);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }

  var panel = element('section', 'live-panel');
  panel.setAttribute('aria-label', 'Live checks');
  var state = element('p', 'live-state', 'Live: connecting to the tutor…');
  var note = element('p', 'live-note');
  note.id = 'live-note';
  note.setAttribute('role', 'status');
  var tools = element('div', 'live-tools');
  tools.appendChild(button('Check now', function () { post('check'); }));
  tools.appendChild(button('Reset lesson', function () {
    if (window.confirm('Reset ' + lesson + '? The lesson namespace goes back to its setup: what you applied there is deleted.')) { post('reset'); }
  }));
  panel.appendChild(state);
  panel.appendChild(tools);
  panel.appendChild(note);
  var banner = element('div', 'live-banner');
  banner.id = 'live-banner';
  banner.setAttribute('role', 'alert');
  banner.hidden = true;
  // Under the site's sticky header, not over it: the banner sticks just below the header (its height measured, since a
  // course title may wrap), and the step list's sidebar moves down by the banner's height while it shows.
  var header = document.querySelector('.site-header');
  if (header) { header.after(banner); } else { document.body.insertBefore(banner, document.body.firstChild); }
  function measure() {
    var root = document.documentElement.style;
    root.setProperty('--live-header-height', (header ? header.offsetHeight : 0) + 'px');
    root.setProperty('--live-banner-height', (banner.hidden ? 0 : banner.offsetHeight) + 'px');
  }
  if (window.ResizeObserver) {
    var sizes = new ResizeObserver(measure);
    if (header) { sizes.observe(header); }
    sizes.observe(banner);
  }
  measure();

  var off = document.getElementById('live-off');
  if (off) { off.replaceWith(panel); } else {
    var main = document.querySelector('main') || document.body;
    main.insertBefore(panel, main.firstChild);
  }
  document.documentElement.classList.add('live');

  function showNote(text) { note.textContent = text; }

  // Each step: its progress in the heading and a button that applies its solution, as the tutor's f key does.
  var steps = [];
  document.querySelectorAll('section.step').forEach(function (section, index) {
    var heading = section.querySelector('h2');
    var progress = element('span', 'live-progress');
    if (heading) { heading.appendChild(progress); }
    var checks = [];
    section.querySelectorAll('.check-list li[id^="check-"]').forEach(function (item) { checks.push(item.id.substring(6)); });
    var number = index + 1;
    var solve = button('Solve step ' + number, function () {
      if (window.confirm('Apply the reference solution of step ' + number + '? The lesson is then recorded as fast-forwarded, not solved by you.')) {
        post('solve', '?step=' + number);
      }
    });
    solve.classList.add('live-solve');
    var list = section.querySelector('.block.checks');
    if (list) { list.appendChild(solve); }
    steps.push({ section: section, progress: progress, checks: checks, number: number });
  });

  function showCheck(check) {
    var item = document.getElementById('check-' + check.id);
    if (!item) { return; }
    var badge = item.querySelector('.live-status');
    if (!badge) {
      badge = element('span', 'live-status');
      item.insertBefore(badge, item.firstChild);
    }
    badge.textContent = LABELS[check.status] || check.status;
    item.setAttribute('data-status', check.status);
    var message = item.querySelector('.live-message');
    if (!message) { message = element('span', 'live-message'); item.appendChild(message); }
    message.textContent = check.message || '';
    var hint = item.querySelector('.live-hint');
    var wanted = (check.status === 'FAIL' || check.status === 'ERROR') && check.hint;
    if (wanted) {
      if (!hint) { hint = element('span', 'live-hint'); item.appendChild(hint); }
      hint.textContent = 'Next: ' + check.hint;
    } else if (hint) { hint.remove(); }
  }

  function showProgress() {
    steps.forEach(function (step) {
      if (!step.checks.length) { step.progress.textContent = ''; return; }
      function count(status) { return step.checks.filter(function (id) { var v = verdicts[id]; return v && v.status === status; }).length; }
      // A SKIPPED check proved nothing: it is never counted as done, only named, and its step is not ticked.
      var passed = count('PASS');
      var skipped = count('SKIPPED');
      step.progress.textContent = passed + ' of ' + step.checks.length + ' checks done'
        + (skipped ? ' (' + skipped + ' skipped: unproven here)' : '');
      step.section.setAttribute('data-done', String(passed === step.checks.length));
    });
  }

  var verdictStream = new EventSource('/events/' + encodeURIComponent(lesson));
  verdictStream.onmessage = function (event) {
    var report = JSON.parse(event.data);
    (report.lessons || []).forEach(function (entry) {
      (entry.checks || []).forEach(function (check) { verdicts[check.id] = check; showCheck(check); });
    });
    showProgress();
  };
  verdictStream.onerror = function () { state.textContent = 'Live: the tutor does not answer (stopped?); this page keeps trying.'; };
  verdictStream.onopen = function () { state.textContent = 'Live: the checks below follow your cluster as you work.'; };

  var session = new EventSource('/session/' + encodeURIComponent(lesson));
  session.addEventListener('cluster', function (event) {
    var data = JSON.parse(event.data);
    banner.hidden = data.reachable;
    banner.textContent = data.reachable ? '' : data.banner;
    measure();
  });
  session.addEventListener('step', function (event) {
    var current = JSON.parse(event.data).current;
    steps.forEach(function (step) {
      if (step.number === current) { step.section.setAttribute('aria-current', 'step'); } else { step.section.removeAttribute('aria-current'); }
    });
  });
  session.addEventListener('note', function (event) { showNote(JSON.parse(event.data).text); });

  // The namespace map, when the page has a place for it: fetched again whenever the server says it changed.
  var mapBox = null;
  var mapSeen = -1;
  function showMap(version) {
    if (version === mapSeen) { return; }
    mapSeen = version;
    fetch('/map/' + encodeURIComponent(lesson) + '.svg', { cache: 'no-store' }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (svg) {
      if (svg === null) { return; }
      var parsed = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
      if (parsed.nodeName !== 'svg') { return; }
      mapBox.replaceChildren(document.importNode(parsed, true));
    }).catch(function () { });
  }
  session.addEventListener('map', function (event) {
    if (!mapBox) {
      mapBox = element('figure', 'live-map');
      mapBox.id = 'live-map';
      var caption = element('figcaption', '', 'Your lesson namespace, live');
      var holder = element('div', 'live-map-svg');
      mapBox.appendChild(caption);
      mapBox.appendChild(holder);
      panel.appendChild(mapBox);
      mapBox = holder;
    }
    showMap(JSON.parse(event.data).version);
  });
})();
