/*
 * The board's live part: applies server-sent events to the grid (text only, never HTML), filters the rows, moves the
 * selection with the keyboard, shows the selected cell's checks in the side panel, and runs the instructor's actions.
 */
(function () {
  'use strict';
  var board = document.getElementById('board');
  if (!board) { return; }
  var grid = document.getElementById('grid');
  var live = document.getElementById('live');
  var message = document.getElementById('board-message');
  var banner = document.getElementById('cluster-banner');
  var status = document.getElementById('grid-status');
  var panel = document.getElementById('cell-panel');
  var nameFilter = document.getElementById('name-filter');
  var shownCount = document.getElementById('shown-count');
  var skew = Number(board.getAttribute('data-now')) - Date.now();
  var filter = 'all';
  var selected = grid.querySelector('td.cell[tabindex="0"]');
  var openView = null;

  function cellFor(key) {
    return grid.querySelector('td.cell[data-key="' + CSS.escape(key) + '"]');
  }

  function minutes(started) {
    return started ? Math.max(0, Math.floor((Date.now() + skew - started) / 60000)) + ' min' : '';
  }

  // A drill's time to restore, as CellView.Incident.timeToRestore(): m:ss.
  function timeToRestore(incident) {
    var seconds = Math.max(0, Math.floor((incident.restoredAt - incident.injectedAt) / 1000));
    return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
  }

  // The same word as CellView.label(): colour is never the only sign of a cell's state.
  function label(state, stuck, incident) {
    if (incident && state !== 'busy') { return incident.restoredAt ? 'up ' + timeToRestore(incident) : 'down'; }
    if (state === 'busy' || state === 'error' || state === 'done') { return state; }
    return stuck ? 'stuck' : '';
  }

  // The same questions as BoardViews.Row.stuck() and notStarted().
  function rowStuck(row) {
    return row.querySelector('td.cell[data-stuck="true"]') !== null;
  }

  function rowNotStarted(row) {
    return Array.prototype.every.call(row.querySelectorAll('td.cell'), function (cell) {
      return cell.getAttribute('data-started') === '0' && cell.getAttribute('data-state') !== 'done';
    });
  }

  function describe(cell) {
    var text = cell.getAttribute('data-attendee') + ', ' + cell.getAttribute('data-lesson') + ': '
      + cell.querySelector('.score').textContent.replace('/', ' of ') + ' checks';
    var word = cell.querySelector('.label').textContent;
    return word ? text + ', ' + word : text;
  }

  function announce(text) {
    // Cleared first, so that the same sentence twice is announced twice.
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 30);
  }

  function render(view) {
    var cell = cellFor(view.attendee + '/' + view.lesson);
    if (!cell) { return; }
    var before = cell.querySelector('.label').textContent + cell.getAttribute('data-state');
    cell.setAttribute('data-state', view.state);
    cell.setAttribute('data-stuck', String(view.stuck));
    cell.setAttribute('data-started', String(view.startedAt));
    cell.setAttribute('data-incident', view.incident ? (view.incident.restoredAt ? 'up' : 'down') : '');
    cell.querySelector('.score').textContent = view.passed + '/' + view.total;
    cell.querySelector('.label').textContent = label(view.state, view.stuck, view.incident);
    if (openView && openView.attendee === view.attendee && openView.lesson === view.lesson) {
      fill(view);
      if (before !== cell.querySelector('.label').textContent + view.state) { announce(describe(cell)); }
    }
    refilterSoon();
  }

  // The panel: titles and the lesson's explanations as the server sends them (it sends no CEL), set as text.
  function fill(view) {
    openView = view;
    panel.setAttribute('data-attendee', view.attendee);
    panel.setAttribute('data-lesson', view.lesson);
    document.getElementById('panel-title').textContent = view.attendee + ' \u00b7 ' + view.lesson;
    var started = minutes(view.startedAt);
    var word = label(view.state, view.stuck, view.incident);
    panel.querySelector('.panel-summary').textContent = view.passed + ' of ' + view.total + ' checks pass'
      + (word ? ' \u00b7 ' + word : '')
      + (started ? ' \u00b7 on it for ' + started : ' \u00b7 not started')
      + (view.busy ? ' \u00b7 ' + view.busy + '\u2026' : '');
    panel.querySelector('.panel-problem').textContent = view.problem || '';
    drill(view);
    var list = panel.querySelector('.panel-checks');
    list.textContent = '';
    view.checks.forEach(function (check) {
      var item = document.createElement('li');
      item.setAttribute('data-status', check.status);
      var state = document.createElement('span');
      state.className = 'check-status';
      state.textContent = check.status;
      var title = document.createElement('span');
      title.className = 'check-title';
      title.textContent = check.title;
      item.appendChild(state);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(title);
      if (check.message) {
        var text = document.createElement('p');
        text.className = 'check-message';
        text.textContent = check.message;
        item.appendChild(text);
      }
      list.appendChild(item);
    });
  }

  // A drill's cell: its incident, and the column's faults to inject (copied as text, once per lesson shown).
  function drill(view) {
    var box = panel.querySelector('.panel-drill');
    var choices = board.querySelector('th.lesson-col[data-lesson="' + CSS.escape(view.lesson) + '"] select.fault-choice');
    box.hidden = !choices;
    if (!choices) { return; }
    var select = document.getElementById('panel-fault');
    if (select.getAttribute('data-lesson') !== view.lesson) {
      select.textContent = '';
      Array.prototype.forEach.call(choices.options, function (option) {
        var copy = document.createElement('option');
        copy.value = option.value;
        copy.textContent = option.textContent;
        copy.disabled = option.disabled;
        if (option.title) { copy.title = option.title; }
        select.appendChild(copy);
      });
      select.setAttribute('data-lesson', view.lesson);
    }
    var incident = view.incident;
    panel.querySelector('.panel-incident').textContent = !incident ? 'No incident injected from the board yet.'
      : incident.restoredAt ? 'Fault ' + incident.fault + ': service restored in ' + timeToRestore(incident) + '.'
      : 'Fault ' + incident.fault + ' (' + incident.title + ') since ' + minutes(incident.injectedAt).replace(' min', '') + ' min'
        + (incident.caught ? '' : ', not caught by the checks yet') + '. The attendee was told: ' + incident.symptom;
  }

  function openPanel(cell) {
    var query = 'attendee=' + encodeURIComponent(cell.getAttribute('data-attendee'))
      + '&lesson=' + encodeURIComponent(cell.getAttribute('data-lesson'));
    panel.hidden = false;
    panel.setAttribute('aria-busy', 'true');
    return fetch('api/cell?' + query, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status)); })
      .then(function (view) {
        if (cell !== selected) { return; }
        fill(view);
        panel.removeAttribute('aria-busy');
        announce('Checks of ' + describe(cell));
      })
      .catch(function (error) { say('the board did not answer: ' + error.message); });
  }

  function closePanel() {
    if (panel.hidden) { return; }
    panel.hidden = true;
    openView = null;
    announce('Checks closed');
    if (selected) { selected.focus(); }
  }

  function select(cell, focus) {
    if (!cell) { return; }
    if (selected) {
      selected.setAttribute('tabindex', '-1');
      selected.setAttribute('aria-selected', 'false');
    }
    selected = cell;
    cell.setAttribute('tabindex', '0');
    cell.setAttribute('aria-selected', 'true');
    if (focus) { cell.focus(); }
    if (!panel.hidden) { openPanel(cell); } else { announce(describe(cell)); }
  }

  function visibleRows() {
    return Array.prototype.filter.call(grid.tBodies[0].rows, function (row) { return !row.hidden && row.querySelector('td.cell'); });
  }

  // Arrow keys move by one cell among the rows shown; Home/End go to a row's ends, PageUp/PageDown by ten rows.
  function move(key) {
    if (!selected) { return false; }
    var rows = visibleRows();
    var row = rows.indexOf(selected.parentElement);
    var cells = Array.prototype.slice.call(selected.parentElement.querySelectorAll('td.cell'));
    var column = cells.indexOf(selected);
    var target = null;
    if (row < 0) { target = rows.length ? rows[0].querySelector('td.cell') : null; }
    else if (key === 'ArrowRight') { target = cells[Math.min(cells.length - 1, column + 1)]; }
    else if (key === 'ArrowLeft') { target = cells[Math.max(0, column - 1)]; }
    else if (key === 'Home') { target = cells[0]; }
    else if (key === 'End') { target = cells[cells.length - 1]; }
    else {
      var step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[key];
      if (step === undefined) { return false; }
      var next = rows[Math.max(0, Math.min(rows.length - 1, row + step))];
      target = next.querySelectorAll('td.cell')[column];
    }
    if (target && target !== selected) {
      select(target, true);
      target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    return true;
  }

  grid.addEventListener('keydown', function (event) {
    if (!event.target.matches('td.cell')) { return; }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openPanel(selected);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closePanel();
    } else if (move(event.key)) {
      event.preventDefault();
    }
  });

  grid.addEventListener('click', function (event) {
    var cell = event.target.closest ? event.target.closest('td.cell') : null;
    if (!cell || !cell.hasAttribute('data-key')) { return; }
    select(cell, true);
    openPanel(cell);
  });

  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { event.preventDefault(); closePanel(); }
  });
  panel.querySelector('.panel-close').addEventListener('click', closePanel);

  // Filters: a row shows when it passes the chosen filter and its name holds the typed text.
  function refilter() {
    var text = nameFilter.value.trim().toLowerCase();
    var counts = { all: 0, stuck: 0, 'not-started': 0 };
    var shown = 0;
    Array.prototype.forEach.call(grid.tBodies[0].rows, function (row) {
      if (!row.hasAttribute('data-attendee')) { return; }
      var stuck = rowStuck(row);
      var idle = rowNotStarted(row);
      counts.all++;
      if (stuck) { counts.stuck++; }
      if (idle) { counts['not-started']++; }
      var show = (filter === 'all' || (filter === 'stuck' && stuck) || (filter === 'not-started' && idle))
        && (!text || row.getAttribute('data-attendee').indexOf(text) >= 0);
      row.hidden = !show;
      if (show) { shown++; }
    });
    Object.keys(counts).forEach(function (name) {
      board.querySelector('.count[data-count="' + name + '"]').textContent = String(counts[name]);
    });
    shownCount.textContent = shown + ' shown';
    // The selection stays on a row that is shown, so the keyboard always has somewhere to start.
    if (selected && selected.parentElement.hidden) {
      var first = visibleRows()[0];
      if (first) {
        var column = Array.prototype.indexOf.call(selected.parentElement.querySelectorAll('td.cell'), selected);
        var target = first.querySelectorAll('td.cell')[column];
        selected.setAttribute('tabindex', '-1');
        selected.setAttribute('aria-selected', 'false');
        selected = target;
        target.setAttribute('tabindex', '0');
      }
    }
    return shown;
  }

  var pending = null;
  function refilterSoon() {
    if (pending === null) {
      pending = window.setTimeout(function () { pending = null; refilter(); }, 250);
    }
  }

  board.querySelectorAll('button.filter').forEach(function (button) {
    button.addEventListener('click', function () {
      filter = button.getAttribute('data-filter');
      board.querySelectorAll('button.filter').forEach(function (other) {
        other.setAttribute('aria-pressed', String(other === button));
      });
      var shown = refilter();
      announce(shown + ' attendee' + (shown === 1 ? '' : 's') + ' shown');
    });
  });
  nameFilter.addEventListener('input', function () {
    var shown = refilter();
    announce(shown + ' attendee' + (shown === 1 ? '' : 's') + ' shown');
  });

  function revealed(change) {
    var column = board.querySelector('th.lesson-col[data-lesson="' + CSS.escape(change.lesson) + '"]');
    if (!column) { return; }
    var button = column.querySelector('button.reveal');
    button.setAttribute('data-action', change.revealed ? 'hide' : 'reveal');
    button.textContent = change.revealed ? 'Hide' : 'Reveal';
    button.setAttribute('aria-label', (change.revealed ? 'Hide' : 'Reveal') + ' the solution of ' + change.lesson);
    column.querySelector('.solution-link').hidden = !change.revealed;
  }

  // The board lost (or found again) its cluster: text only, like every message from the server.
  function cluster(state) {
    banner.textContent = state.reachable ? '' : state.message;
    banner.hidden = state.reachable;
    // Another cluster answers now: the cells are the old one's, so they are shown as the past, never as live.
    board.setAttribute('data-stale', String(Boolean(state.replaced)));
  }

  function connect() {
    var source = new EventSource('events');
    source.addEventListener('open', function () { live.setAttribute('data-state', 'live'); live.textContent = 'live'; });
    source.addEventListener('error', function () { live.setAttribute('data-state', 'offline'); live.textContent = 'reconnecting\u2026'; });
    source.addEventListener('cell', function (event) { render(JSON.parse(event.data)); });
    source.addEventListener('reveal', function (event) { revealed(JSON.parse(event.data)); });
    source.addEventListener('cluster', function (event) { cluster(JSON.parse(event.data)); });
    // A new attendee, or a connection that fell behind: the page itself is the fresh state.
    source.addEventListener('reload', function () { window.location.reload(); });
    window.kubelessonsBoard = source;
  }

  // Break all asks first: the server answers how many attendees it would break; the button then waits 8 s for a second press.
  function confirmation(text) {
    try {
      var reply = JSON.parse(text);
      return typeof reply.confirm === 'number' ? reply : null;
    } catch (e) { return null; }
  }

  function arm(button, question) {
    button.setAttribute('data-confirm', String(question.confirm));
    button.textContent = 'Confirm: break ' + question.confirm;
    button.classList.add('armed');
    say(question.message);
    button.disarmTimer = window.setTimeout(function () { disarm(button); say(''); }, 8000);
  }

  function disarm(button) {
    window.clearTimeout(button.disarmTimer);
    button.removeAttribute('data-confirm');
    button.textContent = 'Break all';
    button.classList.remove('armed');
  }

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  // Buttons: reveal/hide in a column's header, reset/solve in the panel (for the cell it shows).
  board.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[data-action]') : null;
    if (!button) { return; }
    var inPanel = panel.contains(button);
    var request = {
      action: button.getAttribute('data-action'),
      lesson: inPanel ? panel.getAttribute('data-lesson') : button.getAttribute('data-lesson'),
      attendee: inPanel ? panel.getAttribute('data-attendee') : null
    };
    if (request.action === 'inject') { request.fault = document.getElementById('panel-fault').value; }
    if (request.action === 'inject-all') {
      request.fault = button.closest('th').querySelector('select.fault-choice').value;
      // Armed by the server's question (how many attendees this breaks): the second press confirms that count.
      if (button.hasAttribute('data-confirm')) { request.confirm = Number(button.getAttribute('data-confirm')); }
      disarm(button);
    }
    fetch('api/action', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request), credentials: 'same-origin' })
      .then(function (response) {
        // A new join code: the page shows it (and its expiry) as rendered by the server.
        if (response.ok && request.action === 'new-join-code') { window.location.reload(); return null; }
        return response.text().then(function (text) {
          var question = response.status === 409 && request.action === 'inject-all' ? confirmation(text) : null;
          if (question) { arm(button, question); return; }
          say(response.ok ? '' : text);
        });
      })
      .catch(function (error) { say('the board did not answer: ' + error); });
  });

  // The open panel's clock keeps counting between events.
  window.setInterval(function () { if (openView) { fill(openView); } }, 30000);

  refilter();
  connect();
})();
