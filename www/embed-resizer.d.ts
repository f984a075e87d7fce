// embed-resizer.js exports nothing: included once on a page that embeds maps
// in <iframe class="alliance-map-embed" src=".../embed.html">, it sizes each
// such iframe to the height its map asks for (at most 4000 px). The ask is
// this message, which embed.html posts to its parent whenever its content's
// height changes; a page may listen for it itself instead.
export interface EmbedHeightMessage {
  type: 'alliance-map:height';
  /** The embed page's content height, CSS px. */
  height: number;
}
