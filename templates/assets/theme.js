/* Applies the saved light/dark choice before the page paints; loaded in <head> on purpose. */
(function () {
  var KEY = 'kubelessons-theme';

  function saved() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; } // storage may be blocked
  }

  function apply(theme) {
    var root = document.documentElement;
    var light = document.getElementById('hljs-light');
    var dark = document.getElementById('hljs-dark');
    if (theme === 'light' || theme === 'dark') {
      root.setAttribute('data-theme', theme);
    } else {
      root.removeAttribute('data-theme');
    }
    // The code theme follows the page theme: an explicit choice overrides the system setting.
    if (light && dark) {
      light.media = theme === 'dark' ? 'not all' : theme === 'light' ? 'all' : '(prefers-color-scheme: light)';
      dark.media = theme === 'dark' ? 'all' : theme === 'light' ? 'not all' : '(prefers-color-scheme: dark)';
    }
  }

  function effective() {
    var chosen = document.documentElement.getAttribute('data-theme');
    if (chosen) { return chosen; }
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function toggle() {
    var next = effective() === 'dark' ? 'light' : 'dark';
    try { localStorage.setItem(KEY, next); } catch (e) { /* the choice lasts for this page only */ }
    apply(next);
    return next;
  }

  window.kubelessonsTheme = { apply: apply, effective: effective, toggle: toggle };
  apply(saved());
})();
