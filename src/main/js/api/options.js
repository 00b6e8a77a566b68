// Reading the options a page hands to GuestChat.init / GuestChat.session, or writes on the script tag: whatever
// they hold, reading them never throws.

/** An option as a string (String() of whatever it holds), or null when absent. */
export function optionText(options, key) {
  if (!options) return null;
  const value = options[key];
  return value == null ? null : String(value);
}

/** An object-valued option, or null. */
export function optionObject(options, key) {
  const value = options && options[key];
  return value && typeof value === 'object' ? value : null;
}

/** The `auth` option: a grant object, or a function giving one; null when absent or anything else. */
export function optionAuth(options) {
  const auth = options && options.auth;
  return auth && (typeof auth === 'object' || typeof auth === 'function') ? auth : null;
}

/** The option names that hold a value (not null or undefined). */
export function optionKeys(options) {
  return Object.keys(options).filter((k) => options[k] != null);
}

/** An element option: an element, or a CSS selector of one; null when absent or not found. */
export function optionElement(options, key) {
  let value = options && options[key];
  if (typeof value === 'string') value = document.querySelector(value);
  return value && value.nodeType === 1 ? value : null;
}

/**
 * The data-* options of the script tag being run (`<script data-deployment-id …>`), or null when it has none that
 * says where to connect. Only while the script first runs does the page know which tag that is.
 */
export function scriptOptions() {
  const script = document.currentScript;
  const data = script && script.dataset;
  return data && (data.deploymentId || data.websocketUrl || data.region) ? data : null;
}

/** The visitor's languages, most preferred first, lower case. */
export function preferredLanguages() {
  const nav = navigator;
  const languages = nav.languages && nav.languages.length ? nav.languages : [nav.language || 'en'];
  return languages.map((l) => String(l).toLowerCase());
}

/** A page-relative socket address (`/v1`) on this page's host, with TLS when the page has it; others as given. */
export function socketAddress(address) {
  if (address.charAt(0) !== '/') return address;
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + address;
}

/** A page-relative REST base address on this page's origin ('' is the origin itself); others as given. */
export function httpAddress(address) {
  return address === '' || address.charAt(0) === '/' ? location.origin + address : address;
}
