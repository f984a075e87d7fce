// graphology-gexf and graphology-graphml (npm) parse our GEXF and GraphML
// exports of the seed with every node, edge and attribute; cytoscape builds
// a headless graph from our elements JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import cytoscape from 'cytoscape';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'target/debug/alliance-map');
const exported = (format) => execFileSync(CLI, ['export', path.join(ROOT, 'data/seed.toml'), '--format', format], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
const jgf = JSON.parse(exported('jgf')).graph;
const nodeCount = Object.keys(jgf.nodes).length;
const stake = jgf.edges.find((e) => e.relation === 'owns');

for (const [name, parser, format] of [['graphology-gexf', gexf, 'gexf'], ['graphology-graphml', graphml, 'graphml']]) {
  test(`${name} parses our ${format} with every node, edge and attribute`, () => {
    const g = parser.parse(Graph, exported(format), { allowUndeclaredAttributes: true });
    assert.equal(g.order, nodeCount);
    assert.equal(g.size, jgf.edges.length);
    assert.equal(g.type, 'directed');
    assert.equal(g.getNodeAttribute('huawei', 'label'), 'Huawei Technologies');
    assert.equal(g.getNodeAttribute('huawei', 'kind'), 'company');
    const edge = g.edges(stake.source, stake.target).find((e) => g.getEdgeAttribute(e, 'relation') === 'owns');
    assert.equal(Number(g.getEdgeAttribute(edge, 'share')), 40);
    assert.equal(g.getEdgeAttribute(edge, 'share_qualifier'), 'up_to');
  });
}

test('cytoscape builds the graph from our elements JSON', () => {
  const cy = cytoscape({ headless: true, elements: JSON.parse(exported('cytoscape')).elements });
  assert.equal(cy.nodes().length, nodeCount);
  assert.equal(cy.edges().length, jgf.edges.length);
  assert.equal(cy.getElementById('huawei').data('label'), 'Huawei Technologies');
});
