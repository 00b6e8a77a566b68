// The shop's chat, and the shop's own sign-in with the simulator's identity provider (OAuth code with PKCE). A
// signed-in shopper chats as a signed-in customer: the widget gets `auth`, and the agent console shows their name.
(function () {
  var SIGNED_IN = 'northwind.signedIn'; // the shop's own session: survives new tabs, as a real shop's cookie would
  var PENDING = 'northwind.signIn'; // the sign-in under way: state, PKCE verifier, redirect address
  var params = new URLSearchParams(location.search);
  var pending = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  } catch (e) {
    pending = null;
  }
  var grant = null;
  if (params.get('code') && pending && params.get('state') === pending.state) {
    grant = { code: params.get('code'), redirectUri: pending.redirectUri, codeVerifier: pending.verifier };
    sessionStorage.removeItem(PENDING);
    localStorage.setItem(SIGNED_IN, '1');
    history.replaceState(null, '', location.pathname); // a code works once: keep it out of the address
  }

  var options = { deploymentId: 'demo-deployment', websocketUrl: '/v1', apiUrl: '', title: 'Northwind support' };
  if (localStorage.getItem(SIGNED_IN) === '1') {
    // the fresh code once; afterwards the widget goes on with the tokens it keeps, and asks again only when
    // they are gone (then null: the shopper signs in again, `auth-required`)
    options.auth = function () {
      var g = grant;
      grant = null;
      return g;
    };
  }
  var chat = GuestChat.init(options);
  window.chat = chat;

  function base64url(bytes) {
    return btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  var nav = document.querySelector('header nav');
  var control = document.createElement('span');
  control.className = 'account';
  nav.appendChild(document.createTextNode(' '));
  nav.appendChild(control);

  function showSignedIn() {
    control.textContent = 'Signed in ';
    var out = document.createElement('button');
    out.type = 'button';
    out.id = 'sign-out';
    out.textContent = 'Sign out';
    out.addEventListener('click', function () {
      localStorage.removeItem(SIGNED_IN);
      chat.signOut(); // revokes the customer's JWT: every tab and device of theirs stops its chat
      showSignInLink();
    });
    control.appendChild(out);
  }

  // A plain link, made ready before the click, so the widget sees a same-site navigation coming and keeps the chat.
  function showSignInLink() {
    control.textContent = '';
    var link = document.createElement('a');
    link.id = 'sign-in';
    link.textContent = 'Sign in';
    control.appendChild(link);
    var verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
    var state = base64url(crypto.getRandomValues(new Uint8Array(16)));
    var redirectUri = location.origin + location.pathname;
    function ready(challenge) {
      var query = new URLSearchParams({ redirect_uri: redirectUri, state: state });
      if (challenge) query.set('code_challenge', challenge);
      link.href = '/sim/oauth/authorize?' + query.toString();
      link.addEventListener('click', function () {
        sessionStorage.setItem(PENDING, JSON.stringify({ state: state, verifier: challenge ? verifier : null,
          redirectUri: redirectUri }));
      });
    }
    if (window.crypto && crypto.subtle) {
      crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
        .then(function (hash) { ready(base64url(new Uint8Array(hash))); }, function () { ready(null); });
    } else {
      ready(null); // not a secure context (http on another host than localhost): no PKCE
    }
  }

  chat.on('auth-required', function () {
    localStorage.removeItem(SIGNED_IN);
    showSignInLink();
  });
  chat.on('signed-out', function () {
    localStorage.removeItem(SIGNED_IN); // signed out in another tab, or by the service
    showSignInLink();
  });
  if (options.auth) showSignedIn();
  else showSignInLink();
})();
