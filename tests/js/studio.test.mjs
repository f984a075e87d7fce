// The studio's text logic in Node (www/studio-toml.js, studio-tsv.js,
// studio-read.js, studio-vocab.js): where a form's table goes and that
// nothing else in the user's text changes, TOML string escaping, rows
// pasted from a spreadsheet as CSV, the messages for files the studio
// cannot open, and the forms' vocabularies against docs/data-format.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanTables, insertTable, insertionPoint, tomlString, sourceLines, entityLines, relationLines, makeId } from '../../www/studio-toml.js';
import { parseTsv, tsvToCsv, looksLikeRows } from '../../www/studio-tsv.js';
import { decodeText, checkFile, firstInvalidUtf8, FileProblem, MAX_BYTES } from '../../www/studio-read.js';
import { KINDS, RELATION_TYPES } from '../../www/studio-vocab.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/docs_example.toml'), 'utf8');
const SEED = fs.readFileSync(path.join(ROOT, 'data/seed.toml'), 'utf8');

const apply = (text, change) => text.slice(0, change.at) + change.insert + text.slice(change.at);

test('scanTables finds every table of the docs example and the seed, with ids and names', () => {
  const tables = scanTables(EXAMPLE);
  const count = (kind) => tables.filter((t) => t.kind === kind).length;
  assert.deepEqual([count('dataset'), count('source'), count('entity'), count('entity.attribute'), count('relation')], [1, 2, 6, 2, 7]);
  assert.deepEqual(tables.filter((t) => t.kind === 'entity').map((t) => t.id), ['ardent', 'ardent-ventures', 'kestrel', 'ardent-kestrel', 'battery-makers', 'mara-lind']);
  assert.equal(tables.find((t) => t.id === 'kestrel').name, 'Kestrel Cells');
  assert.equal(tables[0].title, 'The Ardent–Kestrel battery venture');
  const seed = scanTables(SEED);
  assert.ok(seed.filter((t) => t.kind === 'entity').length > 20);
  for (const t of seed) assert.ok(SEED.slice(t.from, t.end).trimStart().startsWith('['), `table at ${t.from} starts with its header`);
});

test('a header inside a multi-line string or a multi-line array is not a table', () => {
  const text = [
    '[[source]]',
    'id = "a"',
    'note = """',
    '[[entity]]',
    'still the note"""',
    'sources = [',
    '  "x",',
    ']',
    "literal = '''",
    '[[relation]]',
    "'''",
    '',
    '# a comment',
    '[[entity]]',
    'id = "e"',
  ].join('\n');
  const tables = scanTables(text);
  assert.deepEqual(tables.map((t) => t.kind), ['source', 'entity']);
  // The source ends at the literal string's last line, before the blank line and the comment.
  assert.equal(text.slice(tables[0].end - 3, tables[0].end), "'''");
});

test('a new source goes after the last source, an entity after the last entity and its attributes, a relation at the end; nothing else changes', () => {
  for (const [kind, lines, after] of [
    ['source', sourceLines({ id: 's3', title: 'T' }), 'ardent-report-2023'],
    ['entity', entityLines({ id: 'e7', name: 'N', kind: 'company' }), 'mara-lind'],
    ['relation', relationLines({ type: 'member_of', from: 'a', to: 'b', sources: ['s'] }), undefined],
  ]) {
    const change = insertTable(EXAMPLE, kind, lines);
    const text = apply(EXAMPLE, change);
    assert.equal(text.slice(0, change.at), EXAMPLE.slice(0, change.at), 'the text before is kept');
    assert.equal(text.slice(change.at + change.insert.length), EXAMPLE.slice(change.at), 'the text after is kept');
    assert.ok(text.slice(change.from, change.to).startsWith(`[[${kind}]]`));
    const tables = scanTables(text).filter((t) => t.kind === kind);
    const added = tables.findIndex((t) => t.from === change.from);
    assert.ok(added >= 0, `${kind} is a table of the new text`);
    if (after) assert.equal(tables[added - 1].id, after, `${kind} follows the last of its kind`);
    else assert.equal(added, tables.length - 1);
  }
  // After an entity with [[entity.attribute]] tables: after its attributes, never between.
  const text = EXAMPLE.replace(/\n\[\[entity\]\]\nid = "ardent-ventures"[\s\S]*?(?=\n# ---- Relations)/, '\n');
  const change = insertTable(text, 'entity', entityLines({ id: 'x', name: 'X', kind: 'other' }));
  const kinds = scanTables(apply(text, change)).map((t) => t.kind);
  assert.deepEqual(kinds.slice(kinds.indexOf('entity.attribute') - 1, kinds.indexOf('entity.attribute') + 2), ['entity', 'entity.attribute', 'entity']);
});

test('a kind with no table yet goes after the kinds before it, or before the first table with its comments, or at the end', () => {
  const onlyRelations = '# My map\n# by me\n[[relation]]\ntype = "owns"\n';
  const s = insertTable(onlyRelations, 'source', sourceLines({ id: 'a', title: 'A' }));
  assert.equal(apply(onlyRelations, s), '[[source]]\nid = "a"\ntitle = "A"\n\n# My map\n# by me\n[[relation]]\ntype = "owns"\n');
  const withDataset = '[dataset]\ntitle = "x"\n\n[[relation]]\ntype = "owns"\n';
  assert.equal(insertionPoint(withDataset, 'source').at, withDataset.indexOf('\n\n'));
  assert.equal(apply('', insertTable('', 'entity', ['id = "a"'])), '[[entity]]\nid = "a"\n');
  assert.equal(apply('# x', insertTable('# x', 'entity', ['id = "a"'])), '# x\n\n[[entity]]\nid = "a"\n');
  assert.equal(apply('# only a comment\n\n', insertTable('# only a comment\n\n', 'entity', ['id = "a"'])), '# only a comment\n\n[[entity]]\nid = "a"\n');
});

test('CRLF files keep their line ends around the insertion', () => {
  const crlf = EXAMPLE.replace(/\n/g, '\r\n');
  const change = insertTable(crlf, 'source', sourceLines({ id: 'z', title: 'Z' }));
  assert.equal(crlf.slice(change.at, change.at + 2), '\r\n', 'inserted before the line end of the last source line');
});

test('tomlString escapes quotes, backslashes and control characters; fields leave blanks out', () => {
  assert.equal(tomlString('a "b" \\ c'), '"a \\"b\\" \\\\ c"');
  assert.equal(tomlString('line\nbreak\ttab\u0001\u007f'), '"line\\nbreak\\ttab\\u0001\\u007f"');
  assert.equal(tomlString('Ardent–Kestrel 华为'), '"Ardent–Kestrel 华为"');
  assert.equal(tomlString('\ud800'), '"\ufffd"');
  assert.deepEqual(sourceLines({ id: 'a', publisher: ' P ', title: '', author: undefined, date: '2023-09', url: 'https://x.example/' }), [
    'id = "a"',
    'publisher = "P"',
    'date = "2023-09"',
    'url = "https://x.example/"',
  ]);
  assert.deepEqual(relationLines({ type: 'position', from: 'a', to: 'b', role: 'chair', sources: ['s1', 's2'] }), [
    'type = "position"',
    'from = "a"',
    'to = "b"',
    'role = "chair"',
    'sources = ["s1", "s2"]',
  ]);
});

test('makeId makes a valid, unused id from a name', () => {
  assert.equal(makeId('Ardent Motors', []), 'ardent-motors');
  assert.equal(makeId('Ardent Motors', ['ardent-motors', 'ardent-motors-2']), 'ardent-motors-3');
  assert.equal(makeId('Société Générale', []), 'societe-generale');
  assert.equal(makeId('华为', [], 'entity'), 'entity');
  assert.match(makeId('x'.repeat(100), []), /^x{60}$/);
});

test('rows pasted from a spreadsheet become CSV: quoted cells, embedded tabs, quotes and line breaks', () => {
  const tsv = 'Id\tLabel\tNote\r\nhuawei\tHuawei, Inc.\t"two\nlines"\r\nx\t"say ""hi"""\t\r\n';
  assert.ok(looksLikeRows(tsv));
  assert.ok(!looksLikeRows('id,label\n'));
  assert.deepEqual(parseTsv(tsv), [
    ['Id', 'Label', 'Note'],
    ['huawei', 'Huawei, Inc.', 'two\nlines'],
    ['x', 'say "hi"', ''],
  ]);
  assert.equal(tsvToCsv(tsv), 'Id,Label,Note\nhuawei,"Huawei, Inc.","two\nlines"\nx,"say ""hi""",\n');
});

test('files the studio cannot open get a message naming the file and what to do', () => {
  assert.throws(() => checkFile('photo.png', 10), (e) => e instanceof FileProblem && /photo\.png is not a file the studio reads/.test(e.message));
  assert.throws(() => checkFile('big.toml', 20 * 1024 * 1024), /big\.toml is 20\.0 MB: the studio opens files up to 10\.0 MB/);
  assert.doesNotThrow(() => checkFile('DATA.TOML', MAX_BYTES));
  const enc = new TextEncoder();
  assert.equal(decodeText('a.toml', enc.encode('id = "é"')), 'id = "é"');
  assert.throws(() => decodeText('a.toml', Uint8Array.from([0x61, 0x0a, 0x62, 0x00, 0x01])), /a\.toml is not a text file: it holds binary data \(a zero byte at line 2, column 2\)/);
  const latin1 = Uint8Array.from([...enc.encode('a\nname = "Soci'), 0xe9, 0x74, 0xe9, 0x22]);
  assert.throws(() => decodeText('b.csv', latin1), /b\.csv is not UTF-8 text: the byte 0xE9 at line 2, column 13 is not UTF-8/);
  assert.throws(() => decodeText('u.csv', Uint8Array.from([0xff, 0xfe, 0x61, 0x00])), /u\.csv is UTF-16 text/);
  assert.equal(firstInvalidUtf8(enc.encode('ok 华为 😀')), enc.encode('ok 华为 😀').length);
  assert.equal(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80])), 0, 'an encoded surrogate is not UTF-8');
  assert.equal(firstInvalidUtf8(Uint8Array.from([0x61, 0xe4, 0xb8])), 1, 'a sequence cut short');
});

test("the forms' kinds and relation types are the documented ones, in the documented order", () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/data-format.md'), 'utf8');
  const keys = (heading) => {
    const section = doc.slice(doc.indexOf(`## ${heading}`), doc.indexOf('\n## ', doc.indexOf(`## ${heading}`) + 3));
    return [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]).filter((k) => k !== 'kind' && k !== 'type');
  };
  assert.deepEqual(KINDS.map(([k]) => k), keys('Entity kinds'));
  assert.deepEqual(RELATION_TYPES.map(([k]) => k), keys('Relation types'));
});

test("the studio's list of the widget's files leaves out exactly the files `build` writes itself (src/cli/outputs.rs OWNED)", () => {
  const rust = fs.readFileSync(path.join(ROOT, 'src/cli/outputs.rs'), 'utf8');
  const owned = /pub const OWNED: \[&str; \d+\] = \[([^\]]*)\]/.exec(rust)[1].replace('FULL_TEXT_PAGE', '"text.html"');
  const script = fs.readFileSync(path.join(ROOT, 'scripts/studio-files.mjs'), 'utf8');
  const listed = /export const OWNED = \[([^\]]*)\]/.exec(script)[1];
  const names = (list) => [...list.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]).sort();
  assert.deepEqual(names(listed), names(owned));
  assert.match(fs.readFileSync(path.join(ROOT, 'src/site/fallback.rs'), 'utf8'), /FULL_TEXT_PAGE: &str = "text\.html"/);
});
