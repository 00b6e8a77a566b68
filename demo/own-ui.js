// A chat drawn by the page itself on the headless session: every word comes from the session's events and is
// drawn as text. ?deployment= and ?mode= (endOnPageExit) choose another deployment and exit policy.
(function () {
  var q = new URLSearchParams(location.search);
  var session = GuestChat.session({
    deploymentId: q.get('deployment') || 'demo-deployment', websocketUrl: '/v1', apiUrl: '',
    endOnPageExit: q.get('mode') || 'leave'
  });
  window.session = session;
  window.ownUiEvents = []; // what the page heard, for the tests
  var $ = function (id) { return document.getElementById(id); };
  var messages = []; // what the log shows, oldest first
  var keep = new URLSearchParams(q); keep.set('page', String(Number(q.get('page') || '1') + 1));
  $('same-link').href = 'own-ui.html?' + keep.toString();

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function sameMessage(a, b) { return a.id === b.id || (a.localId && a.localId === b.localId); }
  function put(m) {
    var i = messages.findIndex(function (o) { return sameMessage(o, m); });
    if (i >= 0) messages[i] = m; else messages.push(m);
    // restored rows are older than those shown: order by the service's time (rows still sending go last)
    messages.sort(function (a, b) { return (a.time || '~').localeCompare(b.time || '~'); });
    draw();
  }
  function draw() {
    var log = $('log');
    log.textContent = '';
    messages.forEach(function (m) {
      var li = el('li', '', m.sender + ' ' + m.status);
      li.appendChild(el('span', m.sender === 'customer' ? 'You' : m.name || m.sender, 'meta'));
      m.blocks.forEach(function (b) { // the formatted text, as text nodes: nothing from the wire is markup
        var line = el('div', b.bullet ? '• ' : '');
        b.spans.forEach(function (s) {
          var span = s.href ? el('a', s.text) : el(s.style.indexOf('bold') >= 0 ? 'strong' : 'span', s.text);
          if (s.href) { span.href = s.href; span.target = '_blank'; span.rel = 'noopener noreferrer'; }
          line.appendChild(span);
        });
        li.appendChild(line);
      });
      m.files.forEach(function (f) {
        var a = el('a', f.name); a.href = f.url || '#'; a.target = '_blank'; a.rel = 'noopener noreferrer';
        li.appendChild(a);
      });
      m.cards.forEach(function (c) {
        li.appendChild(el('div', [c.title, c.text].filter(Boolean).join(' — '), 'card'));
        c.buttons.forEach(function (b) { li.appendChild(replyButton(b)); });
      });
      if (m.status !== 'sent') li.appendChild(el('span', m.status === 'failed' ? 'Not sent' : 'Sending…', 'meta'));
      log.appendChild(li);
    });
    log.scrollTop = log.scrollHeight;
    var newest = messages[messages.length - 1];
    $('replies').textContent = '';
    (newest ? newest.quickReplies : []).forEach(function (r) { $('replies').appendChild(replyButton(r)); });
  }
  function replyButton(b) {
    var button = el('button', b.text); button.type = 'button';
    button.onclick = function () { if (b.url) window.open(b.url, '_blank', 'noopener'); else session.reply(b); };
    return button;
  }

  function record(name, handler) {
    session.on(name, function (p) { window.ownUiEvents.push({ name: name, payload: p }); if (handler) handler(p); });
  }
  record('message', put);
  record('message-status', put);
  record('message-update', put);
  record('message-removed', function (m) { messages = messages.filter(function (o) { return !sameMessage(o, m); }); draw(); });
  record('reset', function () { messages = []; draw(); });
  record('restored');
  record('typing', function (e) { $('typing').hidden = !e.typing; });
  record('state', function (e) {
    $('state').textContent = e.state;
    var over = e.state === 'ended' || e.state === 'read_only';
    $('end').hidden = over; $('end-yes').hidden = true; $('new').hidden = !over;
    if (e.state === 'connected') $('notice').textContent = '';
  });
  record('ended');
  record('error', function (e) { $('notice').textContent = e.message; });
  record('upload-progress', function (e) {
    $('upload').textContent = e.file ? e.file.name + (e.file.ready ? ' — ready' : ' ' + e.file.percent + ' %') : '';
  });
  record('uploads-allowed', function (e) { $('file').hidden = !e.allowed; });

  $('composer').onsubmit = function (e) {
    e.preventDefault();
    if (session.send($('text').value) !== null) $('text').value = '';
  };
  $('text').oninput = function () { session.typing(); };
  $('text').onfocus = function () { session.connect(); };
  $('file').onchange = function () { if (this.files[0]) session.attach(this.files[0]); this.value = ''; };
  $('end').onclick = function () { $('end').hidden = true; $('end-yes').hidden = false; }; // ask once
  $('end-yes').onclick = function () { session.end().catch(function () { /* the error event told the page */ }); };
  $('new').onclick = function () { session.startNew(); };
})();
