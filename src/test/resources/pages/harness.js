// Test harness: configures the widget from the query string and records its events for Selenium.
(function () {
  var q = new URLSearchParams(location.search);
  var keep = new URLSearchParams();
  ['deployment', 'mode', 'confirm', 'ws', 'api', 'user'].forEach(function (k) { if (q.has(k)) keep.set(k, q.get(k)); });
  var step = Number(q.get('step') || '1');
  document.getElementById('page').textContent = 'shop page ' + step;
  var next = new URLSearchParams(keep); next.set('step', String(step + 1));
  document.getElementById('same-link').href = 'chat.html?' + next.toString();
  var form = document.getElementById('same-form');
  Object.keys(Object.fromEntries(keep)).forEach(function (k) {
    var i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = keep.get(k); form.appendChild(i);
  });
  var s = document.createElement('input'); s.type = 'hidden'; s.name = 'step'; s.value = String(step + 1); form.appendChild(s);
  var other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  document.getElementById('cross-link').href = location.protocol + '//' + other + ':' + location.port + '/pages/other.html';
  window.chatEvents = [];
  // anything the widget lets escape into the page
  window.pageErrors = [];
  // what the widget tells the site owner on the console
  window.consoleWarnings = [];
  var warn = console.warn;
  console.warn = function () { window.consoleWarnings.push([].join.call(arguments, ' ')); return warn.apply(console, arguments); };
  addEventListener('error', function (e) { window.pageErrors.push(String(e.message)); });
  addEventListener('unhandledrejection', function (e) { window.pageErrors.push('unhandled rejection: ' + e.reason); });
  // what the last exit looked like to the page, for the benchmark's persisted/non-persisted split
  addEventListener('pagehide', function (e) { try { sessionStorage.setItem('lastPagehidePersisted', String(e.persisted)); } catch (x) {} });
  if (!q.has('deployment')) return;
  var options = { deploymentId: q.get('deployment'), websocketUrl: q.get('ws') || '/v1', apiUrl: q.get('api') || '',
                  endOnPageExit: q.get('mode') || 'leave', confirmEnd: q.get('confirm') !== 'false' };
  if (q.has('user')) {
    // a signed-in customer: the site's sign-in gives a fresh code from the simulator's identity provider when asked
    window.authAsked = 0;
    options.auth = function () {
      window.authAsked++;
      return fetch('/sim/oauth/codes', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: q.get('user') }) })
        .then(function (r) { return r.json(); }).then(function (j) { return { code: j.code }; });
    };
  }
  window.chat = GuestChat.init(options);
  ['ready', 'open', 'minimize', 'message', 'state', 'ended', 'error', 'unread', 'auth-required', 'signed-out'].forEach(function (name) {
    window.chat.on(name, function (p) { window.chatEvents.push({ name: name, payload: p }); });
  });
})();
// SPA-style route change for the page-exit test: same document, no unload.
window.spaNavigate = function () { history.pushState({}, '', location.pathname + location.search + '&route=cart'); };
