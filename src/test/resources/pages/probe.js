// Exit probe for the benchmark: one raw socket; every page-exit event sends one echo frame whose tracingId
// names the event, so the simulator's log shows which handlers' sends leave the machine in this engine.
(function () {
  var q = new URLSearchParams(location.search);
  var token = q.get('token');
  var other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  document.getElementById('cross-link').href = location.protocol + '//' + other + ':' + location.port + '/pages/other.html';
  var ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/v1?deploymentId=' + q.get('deployment'));
  function send(id) {
    // the tracingId also says how many bytes were still queued, i.e. whether an earlier send was kept
    id += ' buffered=' + ws.bufferedAmount;
    if (ws.readyState === 1) ws.send(JSON.stringify({action: 'echo', token: token, tracingId: id, message: {type: 'Text', text: 'ping'}}));
  }
  ws.onopen = function () {
    ws.send(JSON.stringify({action: 'configureSession', token: token, tracingId: 'configure', deploymentId: q.get('deployment'), startNew: false}));
  };
  ws.onmessage = function () { window.probeReady = true; };
  addEventListener('beforeunload', function () { send('beforeunload'); });
  addEventListener('pagehide', function (e) { send('pagehide-' + e.persisted); });
  document.addEventListener('visibilitychange', function () { send('visibilitychange-' + document.visibilityState); });
  addEventListener('unload', function () { send('unload'); });
})();
