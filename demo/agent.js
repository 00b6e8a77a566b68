// Agent console for the Guest API simulator: polls the control API once a second. Text only, never HTML.
(function () {
  'use strict';
  var selected = null;
  var deployments = [];
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function json(url, options) { return fetch(url, options).then(function (r) { return r.ok && r.status !== 204 ? r.json() : null; }); }
  // a change to the simulator: JSON, which its CSRF guard asks for (a page of another origin cannot send it)
  function post(url, body, method) {
    return fetch(url, { method: method || 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) });
  }

  function renderList(conversations) {
    var list = $('conversations');
    list.textContent = '';
    $('empty').hidden = conversations.length > 0;
    conversations.slice().reverse().forEach(function (c) {
      var li = el('li'); var b = el('button');
      b.type = 'button'; b.setAttribute('aria-current', String(c.id === selected));
      b.appendChild(el('span', 'state ' + c.state, c.state));
      b.appendChild(document.createTextNode(' ' + (c.customer ? c.customer + ' (signed in) · ' : '')
        + c.deploymentId + ' · ' + c.transcript.length + ' lines'));
      b.appendChild(el('div', 'token', c.id + (c.guestConnections ? ' · customer connected' : ' · customer gone')));
      b.addEventListener('click', function () { selected = c.id; refresh(); });
      li.appendChild(b); list.appendChild(li);
    });
  }

  function renderDetail(conversations) {
    var c = conversations.filter(function (x) { return x.id === selected; })[0];
    var t = $('transcript'); t.textContent = '';
    $('detail-state').textContent = c ? c.state : '';
    $('detail-state').className = 'state ' + (c ? c.state : '');
    var open = c && c.state !== 'ended-by-customer' && c.state !== 'disconnected';
    $('reply').querySelectorAll('button,textarea,input').forEach(function (b) { b.disabled = !open; });
    $('guest-typing').hidden = !(c && c.guestTyping);
    if (!c) return;
    c.transcript.forEach(function (line) {
      var li = el('li', line.from === 'system' ? 'system' : null);
      if (line.from !== 'system') li.appendChild(el('span', 'from', line.from));
      // files appear as "[file: name <address>]": the address becomes a link (text stays text)
      line.text.split(/<(https?:\/\/[^>\s]+)>/).forEach(function (part, i) {
        if (i % 2) { var a = el('a', null, 'open'); a.href = part; a.target = '_blank'; a.rel = 'noopener'; li.appendChild(a); }
        else li.appendChild(document.createTextNode(part));
      });
      t.appendChild(li);
    });
  }

  function renderSettings() {
    var select = $('deployment');
    var current = select.value;
    if (select.options.length !== deployments.length) {
      select.textContent = '';
      deployments.forEach(function (d) { var o = el('option', null, d.id); o.value = d.id; select.appendChild(o); });
      if (current) select.value = current;
    }
    var d = deployments.filter(function (x) { return x.id === select.value; })[0];
    if (!d || document.activeElement && document.activeElement.closest && document.activeElement.closest('.settings') && document.activeElement !== select) return;
    $('clearEnabled').checked = d.clearEnabled; $('disconnectMode').value = d.disconnectMode;
    $('routingDelayMillis').value = d.routingDelayMillis; $('autoReply').checked = d.autoReply;
  }

  function refresh() {
    return Promise.all([json('/sim/conversations'), json('/sim/deployments')]).then(function (r) {
      deployments = r[1] || [];
      if (!selected && r[0] && r[0].length) selected = r[0][r[0].length - 1].id;
      renderList(r[0] || []); renderDetail(r[0] || []); renderSettings();
    }).catch(function () { /* simulator restarting: try again next tick */ });
  }

  function put(patch) {
    post('/sim/deployments/' + encodeURIComponent($('deployment').value), patch, 'PUT').then(refresh);
  }
  $('clearEnabled').addEventListener('change', function (e) { put({ clearEnabled: e.target.checked }); });
  $('disconnectMode').addEventListener('change', function (e) { put({ disconnectMode: e.target.value }); });
  $('routingDelayMillis').addEventListener('change', function (e) { put({ routingDelayMillis: Number(e.target.value) }); });
  $('autoReply').addEventListener('change', function (e) { put({ autoReply: e.target.checked }); });
  $('deployment').addEventListener('change', renderSettings);
  $('reply').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('reply-text').value.trim();
    if (!text || !selected) return;
    post('/sim/conversations/' + selected + '/messages', { text: text, nickname: 'Dana' })
      .then(function () { $('reply-text').value = ''; refresh(); });
  });
  document.querySelectorAll('[data-sample]').forEach(function (b) {
    b.addEventListener('click', function () {
      if (selected) post('/sim/conversations/' + selected + '/messages', { sample: b.getAttribute('data-sample') }).then(refresh);
    });
  });
  $('agent-file').addEventListener('change', function (e) {
    var f = e.target.files[0];
    if (!f || !selected) return;
    var reader = new FileReader();
    reader.onload = function () {
      var base64 = String(reader.result).split(',')[1] || '';
      post('/sim/conversations/' + selected + '/messages', {
        nickname: 'Dana', file: { name: f.name, type: f.type || 'application/octet-stream', base64: base64 } }).then(refresh);
      e.target.value = '';
    };
    reader.readAsDataURL(f);
  });
  $('typing').addEventListener('click', function () { if (selected) post('/sim/conversations/' + selected + '/typing'); });
  $('disconnect').addEventListener('click', function () {
    if (selected) post('/sim/conversations/' + selected + '/disconnect').then(refresh);
  });
  refresh(); setInterval(refresh, 1000);
})();
