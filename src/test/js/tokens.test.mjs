import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { jwtExpiry, tokenRequest, askGrant } from '../../main/js/signed-in/tokens.js';

const jwtWith = (claims) => 'h.' + Buffer.from(JSON.stringify(claims)).toString('base64url') + '.s';
const answered = (fn) => new Promise((resolve) => fn((...args) => resolve(args)));

/** A stand-in for XMLHttpRequest: records what was asked, answers as `reply` says. */
function fakeXhr(reply) {
  const made = [];
  globalThis.XMLHttpRequest = class {
    constructor() {
      this.headers = {};
      made.push(this);
    }
    open(method, url) {
      Object.assign(this, { method, url });
    }
    setRequestHeader(name, value) {
      this.headers[name] = value;
    }
    send(body) {
      this.body = body;
      setTimeout(() => {
        if (reply.status === 0) this.onerror();
        else Object.assign(this, { status: reply.status, responseText: reply.text || '' }).onload();
      }, 0);
    }
  };
  return made;
}

afterEach(() => {
  delete globalThis.XMLHttpRequest;
});

test('a JWT\'s expiry comes from its exp claim, in ms; anything else has none', () => {
  assert.equal(jwtExpiry(jwtWith({ exp: 1700000000, name: 'Ådå ✓' })), 1700000000000);
  assert.equal(jwtExpiry(jwtWith({ sub: 'x' })), 0);
  assert.equal(jwtExpiry(jwtWith({ exp: 'soon' })), 0);
  assert.equal(jwtExpiry('not a jwt'), 0);
  assert.equal(jwtExpiry(null), 0);
});

test('the token service gets JSON without null fields, and its tokens come back with the expiry', async () => {
  const jwt = jwtWith({ exp: 2000000000 });
  const made = fakeXhr({ status: 200, text: JSON.stringify({ jwt, refreshToken: 'r1' }) });
  const args = await answered((done) => tokenRequest('POST', 'https://api.example/x', {
    deploymentId: 'd', oauth: { code: 'c', codeVerifier: null } }, null, done));
  assert.deepEqual(args, [200, jwt, 2000000000000, 'r1']);
  assert.equal(made[0].body, '{"deploymentId":"d","oauth":{"code":"c"}}');
  assert.equal(made[0].headers['Content-Type'], 'application/json');
  assert.equal(made[0].headers.Authorization, undefined, 'no bearer without a JWT');
});

test('a revoke carries the bearer JWT and no body; failures and no answer bring no tokens', async () => {
  const made = fakeXhr({ status: 204 });
  assert.deepEqual(await answered((done) => tokenRequest('DELETE', 'u', null, 'j1', done)), [204, null, 0, null]);
  assert.equal(made[0].headers.Authorization, 'Bearer j1');
  assert.equal(made[0].body, null);
  fakeXhr({ status: 401, text: '{"jwt":"leaked"}' });
  assert.deepEqual(await answered((done) => tokenRequest('POST', 'u', {}, null, done)), [401, null, 0, null]);
  fakeXhr({ status: 200, text: '<html>' });
  assert.deepEqual(await answered((done) => tokenRequest('POST', 'u', {}, null, done)), [200, null, 0, null]);
  fakeXhr({ status: 0 });
  assert.deepEqual(await answered((done) => tokenRequest('POST', 'u', {}, null, done)), [0, null, 0, null]);
});

test('a request that cannot start answers 0 on a later task, not inside the caller', async () => {
  globalThis.XMLHttpRequest = class {
    open() {
      throw new Error('blocked');
    }
  };
  let inside = true;
  const args = answered((done) => {
    tokenRequest('POST', 'u', {}, null, (...a) => {
      assert.equal(inside, false);
      done(...a);
    });
  });
  inside = false;
  assert.deepEqual(await args, [0, null, 0, null]);
});

test('the host\'s grant: an object, a function, a Promise; nothing when it throws or rejects', async () => {
  const grant = { code: 'c' };
  const quiet = console.error;
  console.error = () => {};
  try {
    assert.deepEqual(await answered((a) => askGrant(grant, a)), [grant]);
    assert.deepEqual(await answered((a) => askGrant(() => grant, a)), [grant]);
    assert.deepEqual(await answered((a) => askGrant(() => Promise.resolve(grant), a)), [grant]);
    assert.deepEqual(await answered((a) => askGrant(() => Promise.reject(new Error('no')), a)), [null]);
    assert.deepEqual(await answered((a) => askGrant(() => {
      throw new Error('no');
    }, a)), [null]);
    assert.deepEqual(await answered((a) => askGrant(() => 'a string', a)), [null]);
    assert.deepEqual(await answered((a) => askGrant(null, a)), [null]);
  } finally {
    console.error = quiet;
  }
  let sync = true;
  const later = answered((a) => askGrant(grant, (g) => a(sync, g)));
  sync = false;
  assert.deepEqual(await later, [false, grant], 'answered after the caller returned');
});
