// Phones and touch: on narrow screens the details panel is a bottom sheet
// that the Back button closes (unless deep links manage history), and a map
// starts inactive so one finger scrolls the page (cooperative gestures).
// Methods mixed into Widget.

export const sheetMethods = {
  /** On narrow screens the panel is a bottom sheet; the back button closes it (deep links manage history themselves). */
  openSheet() {
    if (!this.isNarrow() || this.sheetState || this.deepLink) return;
    this.sheetState = true;
    history.pushState({ ...(history.state || {}), allianceMap: this.uid }, '');
  },

  closeSheet(fromHistory) {
    if (!this.sheetState) return;
    this.sheetState = false;
    if (!fromHistory && history.state?.allianceMap === this.uid) history.back();
  },

  isNarrow() {
    return window.matchMedia('(max-width: 600px)').matches;
  },

  /** Touch readers scroll past an inactive map; a tap or two fingers wake it. */
  activate() {
    if (this.active) return;
    this.active = true;
    this.container.classList.add('am-active');
    this.showHint('');
  },

  deactivate() {
    if (!this.active) return;
    this.active = false;
    this.container.classList.remove('am-active');
  },

  showHint(text) {
    clearTimeout(this.hintTimer);
    this.hint.textContent = text;
    this.hint.classList.toggle('am-hint-shown', Boolean(text));
    if (text) this.hintTimer = setTimeout(() => this.showHint(''), 1800);
  },
};
