// The page's life as the exit policy needs it: the exit's events in the order engines fire them (beforeunload,
// pagehide, then visibilitychange to hidden or unload), pageshow, the network coming back, and the same-site
// navigations the widget can see coming — a same-origin link click or form submit that the page did not cancel and
// that opens in this tab, or a Navigation API `navigate` to the same origin (not a reload) where the browser has it.
//
// Click and submit are watched on window in the bubble phase, so a page handler that cancelled the navigation
// (preventDefault) has already run when we look. Same-document navigations (an SPA's pushState) unload nothing, so
// they must not excuse a later exit. `unload` is listened to only after a pagehide that will not be cached: a
// standing unload listener keeps Chromium from caching the page at all.

/**
 * Starts listening; `signal(number, persisted)` hears, by number (PageLifecycle's constants): 0 a same-site
 * navigation is coming; 1 beforeunload; 2 pagehide (persisted: into the back/forward cache); 3 the page went hidden;
 * 4 unload; 5 pageshow (persisted: back from that cache); 6 visible again or online. Returns the function that stops
 * listening.
 */
export function watchPage(signal) {
  const origin = location.origin;
  const sameSite = () => signal(0, false);
  const leave = () => signal(1, false);
  const hide = (persisted) => signal(2, persisted);
  const done = () => signal(3, false);
  const gone = () => signal(4, false);
  const show = (persisted) => signal(5, persisted);
  const back = () => signal(6, false);

  function opensHere(target) {
    return !target || target === '_self';
  }

  function sameOrigin(address, base) {
    try {
      return new URL(address, base).origin === origin;
    } catch {
      return false;
    }
  }

  function clicked(e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const path = e.composedPath ? e.composedPath() : [e.target];
    const link = path.find((n) => n && n.tagName === 'A' && n.href);
    if (!link || !opensHere(link.getAttribute('target')) || link.hasAttribute('download')) return;
    if (sameOrigin(link.href, location.href)) sameSite();
  }

  function submitted(e) {
    const form = e.target;
    if (e.defaultPrevented || !form || !opensHere(form.getAttribute('target'))) return;
    if (sameOrigin(form.getAttribute('action') || location.href, location.href)) sameSite();
  }

  function navigating(e) {
    const to = e.destination;
    if (e.navigationType === 'reload' || e.hashChange || !to || to.sameDocument) return;
    if (sameOrigin(to.url)) sameSite();
  }

  function unloading() {
    gone();
  }

  function hidden(e) {
    if (!e.persisted) addEventListener('unload', unloading);
    hide(!!e.persisted);
  }

  function shown(e) {
    removeEventListener('unload', unloading);
    show(!!e.persisted);
  }

  function visibility() {
    if (document.visibilityState === 'visible') back();
    else done();
  }

  const onWindow = [['online', back], ['click', clicked], ['submit', submitted], ['beforeunload', leave],
    ['pagehide', hidden], ['pageshow', shown]];
  const navigation = window.navigation;
  onWindow.forEach((l) => addEventListener(l[0], l[1]));
  document.addEventListener('visibilitychange', visibility);
  if (navigation && navigation.addEventListener) navigation.addEventListener('navigate', navigating);
  return () => {
    onWindow.forEach((l) => removeEventListener(l[0], l[1]));
    removeEventListener('unload', unloading);
    document.removeEventListener('visibilitychange', visibility);
    if (navigation && navigation.removeEventListener) navigation.removeEventListener('navigate', navigating);
  };
}

/**
 * Whether this is Gecko, which closes a leaving page's sockets before `pagehide`: matched on Gecko's own UA token
 * (`rv:N) Gecko/`), which Blink and WebKit never send ("like Gecko" has no `rv:`).
 */
export function isGecko() {
  try {
    return /\brv:[0-9.]+\) Gecko\//.test(navigator.userAgent);
  } catch {
    return false;
  }
}
