/* The board's live part: applies server-sent events to the cells (text only, never HTML), runs the actions, ticks the clocks. */
(function () {
  'use strict';
  var board = document.getElementById('board');
  if (!board) { return; }
  var live = document.getElementById('live');
  var message = document.getElementById('board-message');
  var banner = document.getElementById('cluster-banner');
  var skew = Number(board.getAttribute('data-now')) - Date.now();

  function cellFor(key) {
    return board.querySelector('td.cell[data-key="' + CSS.escape(key) + '"]');
  }

  function minutes(started) {
    return started ? Math.max(0, Math.floor((Date.now() + skew - started) / 60000)) + ' min' : '';
  }

  function render(view) {
    var cell = cellFor(view.attendee + '/' + view.lesson);
    if (!cell) { return; }
    cell.setAttribute('data-state', view.state);
    cell.setAttribute('data-stuck', String(view.stuck));
    cell.setAttribute('data-started', String(view.startedAt));
    cell.querySelector('.score').textContent = view.passed + '/' + view.total;
    cell.querySelector('.clock').textContent = minutes(view.startedAt);
    cell.querySelector('.busy').textContent = view.busy ? view.busy + '\u2026' : '';
    cell.querySelector('.cell-problem').textContent = view.problem || '';
    var list = cell.querySelector('.cell-checks');
    list.textContent = '';
    view.checks.forEach(function (check) {
      var item = document.createElement('li');
      item.setAttribute('data-status', check.status);
      item.title = check.id;
      var status = document.createElement('span');
      status.className = 'check-status';
      status.textContent = check.status;
      // The check's title and, for a failure, the lesson's explanation (the server sends no CEL to the board).
      var title = document.createElement('span');
      title.className = 'check-title';
      title.textContent = check.title;
      item.appendChild(status);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(title);
      if (check.message) {
        var text = document.createElement('span');
        text.className = 'check-message';
        text.textContent = check.message;
        item.appendChild(document.createTextNode(': '));
        item.appendChild(text);
      }
      list.appendChild(item);
    });
  }

  function revealed(change) {
    var column = board.querySelector('th.lesson-col[data-lesson="' + CSS.escape(change.lesson) + '"]');
    if (!column) { return; }
    var button = column.querySelector('button.reveal');
    button.setAttribute('data-action', change.revealed ? 'hide' : 'reveal');
    button.textContent = change.revealed ? 'Hide solution' : 'Reveal solution';
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

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  board.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[data-action]') : null;
    if (!button) { return; }
    var cell = button.closest('td.cell');
    var request = {
      action: button.getAttribute('data-action'),
      lesson: cell ? cell.getAttribute('data-lesson') : button.getAttribute('data-lesson'),
      attendee: cell ? cell.getAttribute('data-attendee') : null
    };
    fetch('api/action', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request), credentials: 'same-origin' })
      .then(function (response) { return response.text().then(function (text) { say(response.ok ? '' : text); }); })
      .catch(function (error) { say('the board did not answer: ' + error); });
  });

  setInterval(function () {
    board.querySelectorAll('td.cell').forEach(function (cell) {
      cell.querySelector('.clock').textContent = minutes(Number(cell.getAttribute('data-started')));
    });
  }, 30000);

  connect();
})();
