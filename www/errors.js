// The one way a thrown value becomes the words a reader sees: an Error or a
// wasm JsError (which arrives as an Error) gives its message; a wasm trap
// (RuntimeError: unreachable) says little, so the panic that caused it, once
// the full module records panics (full.js), is said instead; a thrown string
// or anything else becomes text.

let lastPanic = () => '';

/** Where the full module's last panic message comes from (full.js sets it). */
export function setPanicSource(fn) {
  lastPanic = fn;
}

/** The message for `err`, whatever was thrown. */
export function errorMessage(err) {
  let panic = '';
  try {
    panic = lastPanic();
  } catch {
    // The module that records panics failed itself: keep the error's own words.
  }
  return panic || err?.message || String(err);
}
