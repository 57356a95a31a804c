import { Marked } from 'marked';

// Markdown becomes HTML with marked (CommonMark + GFM tables), and the HTML reader takes the
// text from there: emphasis markers, link targets, images and escapes never reach the text.
const markdown = new Marked({ gfm: true, async: false });

export function markdownToHtml(source: string): string {
  return markdown.parse(source, { async: false });
}
