// story.js: scrollytelling for a host article. Paragraphs marked with
// data-alliance-map-step="N" drive the `[story]` map before them (or the
// one they name with data-alliance-map="<map id>"): as a paragraph crosses
// the middle of the viewport, its map shows step N. Loaded as
// <script type="module" src="story.js?auto">, it starts by itself.

/** The attribute a paragraph's step number is in: "data-alliance-map-step". */
export const STEP_ATTRIBUTE: string;

/** Options of story(). */
export interface StoryOptions {
  /** Where to look for story maps and step paragraphs. Default: the document. */
  root?: Document | Element;
}

/** Starts the story of every `[story]` map under `root`; returns the teardown (stops watching and listening). */
export function story(options?: StoryOptions): () => void;

/** What story.js posts to an embed.html iframe that has the `story` attribute. */
export interface StepMessage {
  type: 'alliance-map:step';
  /** The step, from 1 (0: the whole map). */
  step: number;
}
