// The entity-kind palette as colour-blind readers see it: each colour of
// www/palette.js through Machado et al.'s (2009) simulation of protanopia,
// deuteranopia and tritanopia (severity 1), then CIE L*a*b* distances
// (ΔE76) between every pair. About 10 is "clearly different at a glance",
// under 8 hard to tell apart on small dots.
//
// The kind colours also keep 3:1 contrast against the light and the dark
// background, which pins their lightness to a narrow band: with lightness
// nearly fixed, a red-green deficiency leaves only the blue-yellow axis, and
// eleven kinds cannot all stay apart by colour alone. So this test holds
// normal vision to ΔE 15 for every pair, and for each deficiency lists the
// pairs that collapse: a palette change must not add one (the list is the
// known debt; telling kinds apart by shape as well is the way to end it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KIND_COLORS } from '../../www/palette.js';

const KINDS = ['company', 'investment_arm', 'industry_association', 'alliance', 'joint_venture', 'working_group', 'media', 'person', 'government_body', 'event', 'other'];
const MACHADO = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
/** Pairs under ΔE 8 today, per deficiency (see the header). */
const KNOWN_COLLAPSED = {
  protanopia: ['industry_association~working_group', 'joint_venture~event', 'media~person'],
  deuteranopia: ['investment_arm~other', 'company~alliance', 'industry_association~working_group'],
  tritanopia: [],
};

const linear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex) => [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255));
function lab([r, g, b]) {
  [r, g, b] = [r, g, b].map((v) => Math.min(Math.max(v, 0), 1));
  const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const f = (t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const simulate = (m, c) => m.map((row) => row[0] * c[0] + row[1] * c[1] + row[2] * c[2]);

/** Every pair of kinds with its ΔE under `matrix` (null: normal vision), closest first. */
function distances(matrix) {
  const labs = KIND_COLORS.map((hex) => lab(matrix ? simulate(matrix, rgb(hex)) : rgb(hex)));
  const pairs = [];
  for (let a = 0; a < labs.length; a++) {
    for (let b = a + 1; b < labs.length; b++) pairs.push({ pair: `${KINDS[a]}~${KINDS[b]}`, delta: Math.hypot(...labs[a].map((v, i) => v - labs[b][i])) });
  }
  return pairs.sort((p, q) => p.delta - q.delta);
}

test('every pair of kind colours is clearly apart in normal vision (ΔE at least 15)', () => {
  assert.equal(KIND_COLORS.length, KINDS.length);
  const closest = distances(null)[0];
  assert.ok(closest.delta >= 15, `${closest.pair}: ΔE ${closest.delta.toFixed(1)}`);
});

for (const [deficiency, matrix] of Object.entries(MACHADO)) {
  test(`under ${deficiency}, no pair of kind colours collapses beyond the known ones`, () => {
    const collapsed = distances(matrix).filter((p) => p.delta < 8);
    console.log(`# ${deficiency}: ${collapsed.map((p) => `${p.pair} ΔE ${p.delta.toFixed(1)}`).join(', ') || 'none under 8'}`);
    assert.deepEqual(collapsed.map((p) => p.pair).sort(), [...KNOWN_COLLAPSED[deficiency]].sort());
  });
}
