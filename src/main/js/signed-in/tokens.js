// The signed-in customer's side of the page: the token service of authenticated messaging (PROTOCOL.md §3.2) and
// the host's sign-in grant. Only the signed-in bundles carry this file; a guest's chat has no tokens.

/** Epoch ms at which a JWT expires, from its `exp` claim; 0 when it has none or is not a JWT. */
export function jwtExpiry(jwt) {
  try {
    const part = String(jwt).split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const exp = JSON.parse(atob(part)).exp;
    return typeof exp === 'number' && exp > 0 ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/** The exchange's body, as the official transport SDK sends it: the deployment, and the grant under `oauth`. */
export function grantBody(deploymentId, code, redirectUri, codeVerifier, idToken, nonce) {
  return { deploymentId, oauth: { code, redirectUri, codeVerifier, idToken, nonce } };
}

/**
 * A request to the token service: `method` to `url` with `body` as JSON (null fields left out; no body when null)
 * and `bearer` as the Authorization (none when null). Answers once, never inside the caller:
 * `done(status, jwt, expiresAt, refreshToken)`, status 0 without an answer; `jwt` and `refreshToken` are the
 * answer's, null when it had none (a failure, a revoke).
 */
export function tokenRequest(method, url, body, bearer, done) {
  const x = new XMLHttpRequest();
  let over = false;
  function answer(status) {
    if (over) return;
    over = true;
    let tokens = null;
    try {
      tokens = status >= 200 && status < 300 && x.responseText ? JSON.parse(x.responseText) : null;
    } catch {
      // not JSON: no tokens
    }
    const jwt = tokens && typeof tokens.jwt === 'string' ? tokens.jwt : null;
    const refresh = tokens && typeof tokens.refreshToken === 'string' ? tokens.refreshToken : null;
    done(status, jwt, jwt ? jwtExpiry(jwt) : 0, refresh);
  }
  try {
    x.open(method, url);
    if (body) x.setRequestHeader('Content-Type', 'application/json');
    if (bearer) x.setRequestHeader('Authorization', 'Bearer ' + bearer);
    x.onload = () => answer(x.status);
    x.onerror = x.ontimeout = () => answer(0);
    x.timeout = 30000;
    x.send(body ? JSON.stringify(body, (k, v) => (v === null ? undefined : v)) : null);
  } catch {
    setTimeout(() => answer(0), 0);
  }
}

/**
 * Asks the host page's `auth` option for a grant: the option itself when it is an object, or what its function
 * returns (an object, or a Promise of one). `answer(grant)` once, on a later microtask; `answer(null)` when there is
 * none, also when the function threw or its Promise failed (said on the console: the customer must sign in).
 * Returns whether `auth` is a function, which can be asked again (a grant object's code works once).
 */
export function askGrant(auth, answer) {
  let given = false;
  function take(grant) {
    if (!given) {
      given = true;
      answer(grant && typeof grant === 'object' ? grant : null);
    }
  }
  function failed(e) {
    console.error('guest-chat: the auth option failed to give a sign-in', e);
    take(null);
  }
  const asking = typeof auth === 'function';
  let grant;
  try {
    grant = asking ? auth() : auth;
  } catch (e) {
    Promise.resolve().then(() => failed(e));
    return asking;
  }
  Promise.resolve(grant).then(take, failed);
  return asking;
}
