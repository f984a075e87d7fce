// The published site as one .zip (fflate, in the compiler's worker): the
// same files `alliance-map build` writes into its folder, paths relative to
// it. Already-compressed files (wasm is dense, but still shrinks; images
// do not) are stored at level 0 where deflate would not pay.
import { zipSync } from 'fflate';

const STORED = /\.(png|jpe?g|gif|webp|zip|gz)$/i;

/** A zip of `files` ({name, bytes}); a later file of the same name wins (build's pages over the widget's). */
export function siteZip(files) {
  const entries = {};
  for (const { name, bytes } of files) entries[name] = [bytes, { level: STORED.test(name) ? 0 : 6 }];
  return zipSync(entries, { mtime: new Date(2000, 0, 1) });
}
