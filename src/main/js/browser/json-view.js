// The browser's own JSON.parse behind the core's JsonObjectView (JsObjectView.java): fields are read by type, and
// a field of another type reads as absent, so a malformed frame can only be refused, never crash the reader.

/** Whether `v` is a plain object (not null, not an array). */
function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The text's JSON as an object; null when it does not parse or is not an object. */
export function parseObject(text) {
  try {
    const v = JSON.parse(text);
    return isObject(v) ? v : null;
  } catch {
    return null;
  }
}

/** The string field `k`, or null. */
export function stringField(o, k) {
  const v = o[k];
  return typeof v === 'string' ? v : null;
}

/** The number field `k`, or `fallback` when it is absent or not a number. */
export function numberField(o, k, fallback) {
  const v = o[k];
  return typeof v === 'number' ? v : fallback;
}

/** The boolean field `k`, or `fallback` when it is absent or not a boolean. */
export function booleanField(o, k, fallback) {
  const v = o[k];
  return typeof v === 'boolean' ? v : fallback;
}

/** The object field `k`, or null. */
export function objectField(o, k) {
  return isObject(o[k]) ? o[k] : null;
}

/** The plain objects in the array field `k`, others left out; empty when it is not an array. */
export function objectList(o, k) {
  const v = o[k];
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** The strings in the array field `k`, others left out; empty when it is not an array. */
export function stringList(o, k) {
  const v = o[k];
  return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
}
