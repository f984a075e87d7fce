// The widget's DOM skeleton: the map area (stage with canvas, zoom toolbar
// and hint; details panel; legend), the keyboard help and the live region.
// The canvas is the keyboard's way in: a focusable graphics document.
import { renderLegend } from './legend.js';
import { KIND_COLORS, RELATION_COLORS } from './palette.js';

// What keyboard.js does, said to screen readers (the canvas's description).
const KEY_HELP =
  'Arrow keys go through the neighbours of the selected entity: Right or Down the next one clockwise, Left or Up the previous one. ' +
  'Enter selects the entity in focus and opens its details. Escape goes back. Shift with arrow keys pans, plus and minus zoom, 0 fits the map, slash searches.';

function button(label, title, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.title = title;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', onClick);
  return b;
}

export function buildFrame(w) {
  const c = w.container;
  c.replaceChildren();
  const title = w.handle.title;
  c.setAttribute('role', 'region');
  // Not a tab stop (the canvas is), but a click on text in the widget (a tap
  // on the bottom sheet) keeps the focus inside it, so Escape still works.
  c.tabIndex = -1;
  c.setAttribute('aria-label', title ? `Map: ${title}` : 'Map');
  w.main = document.createElement('div');
  w.main.className = 'am-main';
  w.stage = document.createElement('div');
  w.stage.className = 'am-stage';
  w.canvas = document.createElement('canvas');
  w.canvas.className = 'am-canvas';
  w.canvas.tabIndex = 0;
  w.canvas.setAttribute('role', 'graphics-document');
  w.canvas.setAttribute('aria-roledescription', 'network diagram');
  w.canvas.setAttribute('aria-label', `${title || 'Network diagram'}: ${w.handle.nodeCount} entities and ${w.handle.edgeCount} relations`);
  w.canvas.setAttribute('aria-describedby', `${w.uid}-keys`);
  const help = document.createElement('p');
  help.className = 'am-sr';
  help.id = `${w.uid}-keys`;
  help.textContent = KEY_HELP;
  w.live = document.createElement('div');
  w.live.className = 'am-sr am-live';
  w.live.setAttribute('role', 'status');
  w.live.setAttribute('aria-live', 'polite');
  w.live.setAttribute('aria-atomic', 'true');
  const toolbar = document.createElement('div');
  toolbar.className = 'am-toolbar';
  toolbar.setAttribute('part', 'toolbar');
  toolbar.append(
    button('+', 'Zoom in', () => w.zoomCentre(1.5)),
    button('−', 'Zoom out', () => w.zoomCentre(1 / 1.5)),
    button('Fit', 'Fit the whole map in view', () => w.fit()),
    ...(w.exportButtons = [
      button('SVG', 'Download the current view as SVG', () => w.exportView('svg')),
      button('PNG', 'Download the current view as PNG (2x)', () => w.exportView('png')),
    ]),
  );
  // They need the full module: enabled when it has loaded (Widget.upgrade).
  for (const b of w.exportButtons) b.disabled = true;
  w.panel = document.createElement('aside');
  w.panel.className = 'am-panel';
  w.panel.hidden = true;
  w.panel.setAttribute('part', 'panel');
  w.panel.setAttribute('aria-labelledby', `${w.uid}-title`);
  w.panel.setAttribute('aria-live', 'polite');
  w.hint = document.createElement('div');
  w.hint.className = 'am-hint';
  w.hint.setAttribute('aria-hidden', 'true');
  w.stage.append(w.canvas, toolbar, w.hint);
  const legend = renderLegend(JSON.parse(w.handle.legend()), KIND_COLORS, RELATION_COLORS);
  legend.setAttribute('part', 'legend');
  // Holds the controls' place until they load, so the map moves little when they come.
  w.controlsSlot = document.createElement('div');
  w.controlsSlot.className = 'am-controls am-controls-pending';
  w.main.append(w.controlsSlot, w.stage, w.panel, legend);
  c.append(w.main, help, w.live);
  w.onPopState = () => {
    if (w.sheetState && !history.state?.allianceMap) w.select('', 0, { fromHistory: true });
  };
  window.addEventListener('popstate', w.onPopState);
}
