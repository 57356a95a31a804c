// A document as Markdown, and as one self-contained, printable HTML page.
import type { Block, ExportDocument, Inline } from './document';

// ---------------------------------------------------------------- Markdown

/** Characters that would start Markdown syntax inside running text. */
const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]<>|])/g, '\\$1');

function markdownRuns(runs: readonly Inline[]): string {
  return runs
    .map((run) => {
      const text = escapeMarkdown(run.text);
      if (text.trim() === '') return text;
      // Emphasis markers must touch the words, so spaces at a run's edges stay outside them.
      const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(text)!;
      let marked = core!;
      if (run.italic) marked = `*${marked}*`;
      if (run.bold) marked = `**${marked}**`;
      if (run.superscript) marked = `<sup>${marked}</sup>`;
      return `${lead}${marked}${trail}`;
    })
    .join('');
}

const quoteLines = (text: string) => text.split(/\n/).map((line) => `> ${escapeMarkdown(line)}`.trimEnd()).join('\n');
const cell = (text: string) => escapeMarkdown(text).replace(/\s*\n\s*/g, ' ');

function markdownBlock(block: Block): string {
  switch (block.kind) {
    case 'title':
      return [`# ${escapeMarkdown(block.title)}`, '', `*${escapeMarkdown(block.subtitle)}*`, '', ...block.lines.map((line) => `${escapeMarkdown(line)}  `)].join('\n').trimEnd();
    case 'heading':
      return `${'#'.repeat(block.level + 1)} ${escapeMarkdown(block.text)}${block.colour ? ` \`${block.colour}\`` : ''}`;
    case 'paragraph':
      return block.tone === 'muted' ? `*${markdownRuns(block.runs).replace(/^\*|\*$/g, '')}*` : markdownRuns(block.runs);
    case 'passage':
      return [quoteLines(block.text), `> — ${escapeMarkdown(block.where)}`, ...block.notes.map((note) => `\n**${escapeMarkdown(note.label)}:** ${escapeMarkdown(note.text)}`)].join('\n');
    case 'list':
      return block.items.map((item) => [`- ${markdownRuns(item.runs)}`, ...(item.details ?? []).map((line) => `  ${markdownRuns(line)}`)].join('\n')).join('\n');
    case 'references':
      return block.entries.map((entry) => `- ${markdownRuns(entry)}`).join('\n');
    case 'table':
      return [`| ${block.header.map(cell).join(' | ')} |`, `|${block.header.map(() => '---').join('|')}|`, ...block.rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
  }
}

export function renderMarkdown(doc: ExportDocument): string {
  return `${doc.blocks.map(markdownBlock).join('\n\n')}\n`;
}

// ---------------------------------------------------------------- HTML

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Only colours Quarry wrote (#rrggbb) reach a style attribute. */
const safeColour = (colour: string) => (/^#[0-9a-f]{6}$/i.test(colour) ? colour : '#999999');

function htmlRuns(runs: readonly Inline[]): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text);
      if (run.italic) html = `<i>${html}</i>`;
      if (run.bold) html = `<b>${html}</b>`;
      if (run.smallCaps) html = `<span class="sc">${html}</span>`;
      if (run.superscript) html = `<sup>${html}</sup>`;
      if (run.subscript) html = `<sub>${html}</sub>`;
      return html;
    })
    .join('');
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'title':
      return `<header class="title"><p class="kicker">${escapeHtml(block.subtitle)}</p><h1>${escapeHtml(block.title)}</h1>${block.lines.map((line) => `<p class="meta">${escapeHtml(line)}</p>`).join('')}</header>`;
    case 'heading': {
      const swatch = block.colour ? `<span class="swatch" style="background:${safeColour(block.colour)}"></span>` : '';
      return `<h${block.level + 1}>${swatch}${escapeHtml(block.text)}</h${block.level + 1}>`;
    }
    case 'paragraph':
      return `<p${block.tone === 'muted' ? ' class="muted"' : ''}>${htmlRuns(block.runs)}</p>`;
    case 'passage':
      return `<figure class="passage" style="border-left-color:${safeColour(block.colour)}"><blockquote>${escapeHtml(block.text).replace(/\n/g, '<br>')}</blockquote><figcaption>${escapeHtml(block.where)}</figcaption>${block.notes
        .map((note) => `<p class="note"><span class="label">${escapeHtml(note.label)}</span> ${escapeHtml(note.text)}</p>`)
        .join('')}</figure>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${htmlRuns(item.runs)}${(item.details ?? []).map((line) => `<div class="detail">${htmlRuns(line)}</div>`).join('')}</li>`).join('')}</ul>`;
    case 'references':
      return `<div class="references">${block.entries.map((entry) => `<p>${htmlRuns(entry)}</p>`).join('')}</div>`;
    case 'table':
      return `<table><thead><tr>${block.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: Charter, 'Bitstream Charter', 'DejaVu Serif', Georgia, serif; font-size: 11.5pt; line-height: 1.55; color: #1f2328; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.5rem; }
h1, h2, h3, h4, .kicker, figcaption, .label, table { font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; }
header.title { border-bottom: 2px solid #1f2328; padding-bottom: 1rem; margin-bottom: 2rem; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; color: #57606a; margin: 0; }
h1 { font-size: 24pt; line-height: 1.2; margin: .3rem 0 .8rem; }
.meta { margin: 0; color: #57606a; }
h2 { font-size: 16pt; margin: 2.4rem 0 .6rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; break-after: avoid; }
h3 { font-size: 12.5pt; margin: 1.6rem 0 .5rem; break-after: avoid; }
h4 { font-size: 11pt; margin: 1.2rem 0 .4rem; break-after: avoid; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .45em; vertical-align: -0.05em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.muted { color: #57606a; font-style: italic; }
figure.passage { margin: .7rem 0 1rem; padding: .1rem 0 .1rem 1rem; border-left: 5px solid; break-inside: avoid; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
blockquote { margin: 0; }
figcaption { font-size: 8.5pt; color: #57606a; margin-top: .2rem; }
.note { margin: .3rem 0 0; font-size: 10pt; }
.label { font-size: 8.5pt; font-weight: bold; text-transform: uppercase; letter-spacing: .05em; color: #57606a; }
.detail { font-size: 10pt; color: #3d444d; margin: .15rem 0 0 .2rem; }
li { margin: .35rem 0; }
.references p { padding-left: 2em; text-indent: -2em; margin: .35rem 0; }
.sc { font-variant: small-caps; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: .6rem 0; }
th, td { border: 1px solid #d0d7de; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
@page { margin: 2cm; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;

/** One page that needs nothing else: styles inline, no scripts, no external resources; prints cleanly. */
export function renderHtml(doc: ExportDocument): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${doc.blocks.map(htmlBlock).join('\n')}
</body>
</html>
`;
}
