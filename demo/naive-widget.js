// The "before": how many custom widgets handle closing — they close the WebSocket and nothing else.
// Web messaging is persistent, so the conversation stays open, is routed to an agent, and nobody is there.
window.NaiveWidget = function (container, options) {
  'use strict';
  var token = 'naive-' + (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
  var box = document.createElement('div'); box.className = 'naive';
  var header = document.createElement('header'); header.textContent = 'Chat (naive)';
  var close = document.createElement('button'); close.type = 'button'; close.textContent = '×';
  close.setAttribute('aria-label', 'Close chat'); header.appendChild(close);
  var list = document.createElement('ol');
  var form = document.createElement('form');
  var input = document.createElement('input'); input.setAttribute('aria-label', 'Message (naive chat)');
  var send = document.createElement('button'); send.textContent = 'Send';
  form.appendChild(input); form.appendChild(send);
  box.appendChild(header); box.appendChild(list); box.appendChild(form); container.appendChild(box);
  var proto = location.protocol === 'https:' ? 'wss://' : 'ws://';
  var ws = new WebSocket(proto + location.host + '/v1?deploymentId=' + encodeURIComponent(options.deploymentId));
  function frame(o) { o.token = token; ws.send(JSON.stringify(o)); }
  function line(text) { var li = document.createElement('li'); li.textContent = text; list.appendChild(li); list.scrollTop = list.scrollHeight; }
  ws.onopen = function () { frame({ action: 'configureSession', deploymentId: options.deploymentId }); };
  ws.onmessage = function (e) {
    var f = JSON.parse(e.data);
    if (f.class === 'StructuredMessage' && f.body.text && f.body.direction === 'Outbound') line((f.body.channel && f.body.channel.from && f.body.channel.from.nickname || 'Agent') + ': ' + f.body.text);
    if (f.class === 'StructuredMessage' && f.body.text && f.body.direction === 'Inbound') line('You: ' + f.body.text);
  };
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (input.value.trim()) frame({ action: 'onMessage', message: { type: 'Text', text: input.value.trim() } });
    input.value = '';
  });
  close.addEventListener('click', function () {
    ws.close(); // the bug: this does nothing to the conversation
    box.textContent = '';
    var p = document.createElement('p'); p.className = 'closed';
    p.textContent = 'Chat closed. (The socket is closed — but the conversation is still open at Genesys.)';
    box.appendChild(p);
  });
};
