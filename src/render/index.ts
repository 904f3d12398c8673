// render/: the page model drawn with pdfkit. The only stage that knows the PDF writer.
export { renderPages } from './render.js';
export type { RenderOptions } from './render.js';
