// The widget's HTTP requests, on XMLHttpRequest: it reports upload progress, which fetch cannot. Each answers exactly
// once, also when the request cannot even start (then on the next task, never inside the caller).

/**
 * PUTs `file` to `url` (a presigned upload address) with the headers `names[i]: values[i]` and the Content-Type
 * `type` (when not empty). `progress(fraction, -1)` while it goes, then `progress(0, status)` once (0: no answer).
 * Returns the function that cancels it (no answer after that).
 */
export function putFile(url, names, values, file, type, progress) {
  const x = new XMLHttpRequest();
  let over = false;
  function done(status) {
    if (!over) {
      over = true;
      progress(0, status);
    }
  }
  try {
    x.open('PUT', url);
    names.forEach((name, i) => x.setRequestHeader(name, values[i]));
    if (type) x.setRequestHeader('Content-Type', type);
    x.upload.onprogress = (e) => {
      if (!over && e.lengthComputable && e.total) progress(e.loaded / e.total, -1);
    };
    x.onload = () => done(x.status);
    x.onerror = x.ontimeout = () => done(0);
    x.send(file);
  } catch {
    setTimeout(() => done(0), 0);
  }
  return () => {
    if (over) return;
    over = true;
    try {
      x.abort();
    } catch {
      // already finished
    }
  };
}

/** GETs a JSON object: `done(object)`, or `done(null)` for anything else, a failure or no answer within `ms`. */
export function getJsonObject(url, ms, done) {
  let answered = false;
  function answer(value) {
    if (!answered) {
      answered = true;
      done(value);
    }
  }
  const timer = setTimeout(() => answer(null), ms);
  const x = new XMLHttpRequest();
  try {
    x.open('GET', url);
    x.onload = () => {
      clearTimeout(timer);
      let value = null;
      try {
        value = x.status >= 200 && x.status < 300 ? JSON.parse(x.responseText) : null;
      } catch {
        // not JSON: no catalogue
      }
      answer(value && typeof value === 'object' ? value : null);
    };
    x.onerror = () => {
      clearTimeout(timer);
      answer(null);
    };
    x.send();
  } catch {
    clearTimeout(timer);
    setTimeout(() => answer(null), 0);
  }
}

/** GETs JSON with `jwt` as bearer token (none when null): `done(status, body)`, status 0 when it did not complete. */
export function getWithJwt(url, jwt, done) {
  const x = new XMLHttpRequest();
  try {
    x.open('GET', url);
    if (jwt) x.setRequestHeader('Authorization', 'Bearer ' + jwt);
    x.setRequestHeader('Accept', 'application/json');
    x.onload = () => done(x.status, x.responseText);
    x.onerror = () => done(0, '');
    x.send();
  } catch {
    setTimeout(() => done(0, ''), 0);
  }
}
