// Include once on a page that embeds maps with
//   <iframe class="alliance-map-embed" src=".../embed.html" title="..." loading="lazy"></iframe>
// and each iframe takes the height its map asks for.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'alliance-map:height' || !(data.height > 0)) return;
  for (const frame of document.querySelectorAll('iframe.alliance-map-embed')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.min(data.height, 4000)}px`;
  }
});
