// The hint over the map: how to use it (cooperative gestures, input.js), or
// why an export failed. A hint goes by itself after 1.8 s.

/** Shows hints in `element`; `show('')` hides the one shown. */
export function createHint(element) {
  let timer = 0;
  const show = (text) => {
    clearTimeout(timer);
    element.textContent = text;
    element.classList.toggle('am-hint-shown', Boolean(text));
    if (text) timer = setTimeout(() => show(''), 1800);
  };
  return { show, dispose: () => clearTimeout(timer) };
}
