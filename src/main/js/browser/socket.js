// The Guest API's WebSocket. Text frames only; a socket that cannot even be made closes (1006) on the next task.

/**
 * Opens `url`; `heard(text, code)` says what happens: `(null, 0)` opened, `(text, 0)` per text frame, `(null, code)`
 * closed, once (1006 when no code was given).
 */
export function openSocket(url, heard) {
  let socket;
  try {
    socket = new WebSocket(url);
  } catch {
    setTimeout(() => heard(null, 1006), 0);
    return { readyState: 3, bufferedAmount: 0, send() {}, close() {} };
  }
  socket.onopen = () => heard(null, 0);
  socket.onmessage = (e) => {
    if (typeof e.data === 'string') heard(e.data, 0);
  };
  socket.onclose = (e) => heard(null, e.code || 1006);
  return socket;
}
