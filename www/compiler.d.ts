// The compiler module's API (crates/compiler, pkg/alliance_map_compiler.js):
// the checker, the importers, the layout and the encoder, the same Rust code
// as the `alliance-map` command. The studio runs it in a Worker
// (www/compiler-client.js); the npm package's `alliance-map` bin runs it on
// Node. Readers' pages never load it.

/** A file given to the compiler. Its extension decides how it is read:
 * .toml (the data format), .csv (one or two: entities, relations), .gexf,
 * .graphml, .json (JSON Graph Format). */
export interface SourceFile {
  name: string;
  text: string;
}

/** A place in a file. Lines and columns count from 1, columns in characters;
 * `from` and `to` are UTF-16 offsets into the file's text (what an editor such
 * as CodeMirror uses). */
export interface Place {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  from: number;
  to: number;
}

/** One problem, as `alliance-map check --message-format json` reports it. */
export interface Diagnostic extends Place {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  hint?: string;
  /** A machine-applicable fix (a did-you-mean hint that names a replacement):
   * replace `from..to` of `file` with `insert`. */
  fix?: { from: number; to: number; insert: string; label: string };
  related: (Place & { message: string })[];
}

export interface Checked {
  diagnostics: Diagnostic[];
  /** The diagnostics as `alliance-map check` prints them (human format). */
  rendered: string;
  errors: number;
  warnings: number;
  /** True when there is no error (warnings allowed): a map can be built. */
  ok: boolean;
}

export interface OutputFile {
  /** A path relative to the output folder (`entities.csv`, `data.amap`). */
  name: string;
  bytes: Uint8Array;
}

export interface BuildOptions {
  /** `--base-url`: the site's public folder URL (writes oembed.json). */
  baseUrl?: string;
  /** `--allow-data-from`, repeatable. */
  allowDataFrom?: string[];
  /** `--seed` (default 1). */
  seed?: number;
  /** `--no-layout`. */
  noLayout?: boolean;
  /** `--layout`: 'keep' (default) draws an imported file that places every
   * node as it places them; 'auto' always lays the map out. */
  layout?: 'keep' | 'auto';
  /** An earlier data.amap of this dataset: the map starts where it was
   * (a warm start, as `build` does from an earlier build in its folder),
   * so an edit moves it a little instead of reshuffling it. Ignored when
   * fewer than half of today's entities are in it. */
  previous?: Uint8Array;
  /** The built widget's index.html and embed.html (their preload hints are
   * copied into the pages, as `build --widget DIR` does). */
  widgetPages?: { index: string; embed: string };
}

/** Checks files: every diagnostic. */
export function check(files: SourceFile[]): Checked;
/** `convert`: the files as a TOML data file (undefined when they have errors). */
export function convert(files: SourceFile[]): Checked & { toml?: string };
/** `export --format F`: one file, or two for csv. */
export function exportData(files: SourceFile[], format: 'jgf' | 'gexf' | 'graphml' | 'cytoscape' | 'ftm' | 'csv'): Checked & { files: OutputFile[] };
/** `build`: the files build writes itself (data.amap, index.html,
 * embed.html, text.html when the pages are cut, oembed.json with baseUrl),
 * byte-identical to the command's; the widget's own files are added by the caller. */
export function build(files: SourceFile[], options?: BuildOptions): Checked & { files: OutputFile[] };
/** Where each entity is defined in a TOML file ([[entity]] tables), for
 * moving between the editor and the map. */
export function entityPlaces(file: SourceFile): { id: string; index: number; from: number; to: number }[];

/** What `run` reads and writes: the Node bin gives node:fs here. Paths are as
 * given on the command line. Methods throw Node's fs errors (with `code`,
 * e.g. ENOENT), which the command words as the native one does
 * ("No such file or directory (os error 2)"). */
export interface Io {
  readFile(path: string): Uint8Array;
  writeFile(path: string, bytes: Uint8Array): void;
  /** Creates a folder and its parents (`{ recursive: true }`). */
  mkdir(path: string): void;
  /** Removes a file; no error if it is missing. */
  removeFile(path: string): void;
  /** Entries of a folder: [name, isDirectory][]. */
  readDir(path: string): [string, boolean][];
  /** The canonical path (`fs.realpathSync`). */
  realpath(path: string): string;
  stdout(bytes: Uint8Array): void;
  stderr(bytes: Uint8Array): void;
}
/** The `alliance-map` command line (check, export, convert, render, build)
 * with the same flags, output and exit code as the native command.
 * `widget` is what `build --widget` means when not given (the native
 * command's default is `dist`; the npm bin passes its own widget folder). */
export function run(args: string[], io: Io, widget?: string): number;
