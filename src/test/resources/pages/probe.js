// Exit probe for the benchmark: one raw socket; every page-exit event sends one echo frame whose tracingId
// names the event, so the simulator's log shows which handlers' sends leave the machine in this engine.
(function () {
  var q = new URLSearchParams(location.search);
  var token = q.get('token');
  var other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  document.getElementById('cross-link').href = location.protocol + '//' + other + ':' + location.port + '/pages/other.html';
  var ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/v1?deploymentId=' + q.get('deployment'));
  // ?rule=widget: send only where nothing is queued, as the widget does after its pagehide Clear
  var widgetRule = q.get('rule') === 'widget';
  function send(id) {
    if (widgetRule && id !== 'pagehide-false' && id !== 'pagehide-true' && ws.bufferedAmount > 0) return;
    // the tracingId also says how many bytes were still queued, i.e. whether an earlier send was kept
    id += ' buffered=' + ws.bufferedAmount;
    if (ws.readyState === 1) ws.send(JSON.stringify({action: 'echo', token: token, tracingId: id, message: {type: 'Text', text: 'ping'}}));
  }
  ws.onopen = function () {
    ws.send(JSON.stringify({action: 'configureSession', token: token, tracingId: 'configure', deploymentId: q.get('deployment'), startNew: false}));
  };
  ws.onmessage = function () { window.probeReady = true; };
  addEventListener('beforeunload', function () { send('beforeunload'); });
  addEventListener('pagehide', function (e) {
    if (q.get('rule') === 'apis') { // what a closing page can still use: reported from the next event
      var r = [];
      try { r.push('uuid:' + !!crypto.randomUUID()); } catch (x) { r.push('uuid:throws'); }
      try { localStorage.setItem('probe', '1'); r.push('ls:' + localStorage.getItem('probe')); } catch (x) { r.push('ls:throws'); }
      try { document.body.appendChild(document.createElement('i')); r.push('dom:ok'); } catch (x) { r.push('dom:throws'); }
      window.probeApis = r.join(',');
    }
    send('pagehide-' + e.persisted);
  });
  document.addEventListener('visibilitychange', function () { send('visibilitychange-' + document.visibilityState + (window.probeApis ? ' ' + window.probeApis : '')); });
  addEventListener('unload', function () { send('unload'); });
})();
