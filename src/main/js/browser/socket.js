// The Guest API's WebSocket. Text frames only; a socket that cannot even be made closes (1006) on the next task.

/** Opens `url`: `onOpen()`, `onText(text)` per text frame, `onClose(code)` once (1006 when none was given). */
export function openSocket(url, onOpen, onText, onClose) {
  let socket;
  try {
    socket = new WebSocket(url);
  } catch {
    setTimeout(() => onClose(1006), 0);
    return { readyState: 3, bufferedAmount: 0, send() {}, close() {} };
  }
  socket.onopen = () => onOpen();
  socket.onmessage = (e) => {
    if (typeof e.data === 'string') onText(e.data);
  };
  socket.onclose = (e) => onClose(e.code || 1006);
  return socket;
}
