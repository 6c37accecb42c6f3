/**
 * The minutes as one self-contained, accessible HTML document: document language, a heading
 * outline, tables with header cells, a print stylesheet that numbers pages. Every text is
 * escaped: what people wrote into a proposal appears as text, never as markup.
 */
import type {
  Block,
  Fact,
  Minutes,
  MinutesSection,
  Run,
  Table,
} from '@hytepaja/shared/minutes/model'
import { MINUTES_CSS } from './htmlStyle.js'
import { CHANGE_MARKS, pageLabelParts } from './marks.js'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * The file runs nothing and loads nothing, wherever it is opened (saved to disk, mailed on):
 * its only style is inline.
 */
export const MINUTES_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)
}

/** Escaped text with its line breaks kept. */
function textHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>')
}

function runHtml(run: Run): string {
  let html = textHtml(run.text)
  if (run.change) {
    const [open, close] = CHANGE_MARKS[run.change].map(
      (mark) => `<span class="mark">${mark}</span>`,
    )
    const tag = run.change === 'added' ? 'ins' : 'del'
    html = `<${tag}>${open}${html}${close}</${tag}>`
  }
  return run.bold ? `<strong>${html}</strong>` : html
}

/** A cell's text: a blank line starts a new paragraph. */
function cellHtml(text: string): string {
  const parts = text.split(/\n[ \t]*\n/).filter((p) => p.trim())
  if (parts.length <= 1) return textHtml(text)
  return parts.map((p) => `<p>${textHtml(p)}</p>`).join('')
}

function factsHtml(facts: Fact[]): string {
  const rows = facts.map(
    (f) => `<div><dt>${textHtml(f.label)}</dt><dd>${cellHtml(f.value)}</dd></div>`,
  )
  return `<dl class="facts">${rows.join('')}</dl>`
}

function tableHtml(table: Table): string {
  const head = table.columns.map((c) => `<th scope="col">${textHtml(c)}</th>`).join('')
  const body = table.rows
    .map((row) => `<tr>${row.map((cell) => `<td>${cellHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n')
  // A narrow phone scrolls a wide table inside its own region, reachable from the keyboard.
  return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(table.caption)}"><table><caption>${textHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${textHtml(block.text)}</h${block.level}>`
    case 'paragraph':
      return `<p>${block.runs.map(runHtml).join('')}</p>`
    case 'facts':
      return factsHtml(block.facts)
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${textHtml(item)}</li>`).join('')}</ul>`
    case 'table':
      return tableHtml(block.table)
  }
}

function sectionHtml(section: MinutesSection, index: number): string {
  const id = `s${index}`
  const outcome = section.outcome
    ? ` <span class="outcome">(${textHtml(section.outcome)})</span>`
    : ''
  const heading = `<h${section.level} id="${id}">${textHtml(section.heading)}${outcome}</h${section.level}>`
  return `<section aria-labelledby="${id}" class="level${section.level}">\n${heading}\n${section.blocks.map(blockHtml).join('\n')}\n</section>`
}

export function renderHtml(minutes: Minutes): string {
  const draft = minutes.draftNotice
    ? `<p class="draft-notice" role="note">${textHtml(minutes.draftNotice)}</p>`
    : ''
  const digest = minutes.sha256 ? ` · SHA-256 ${minutes.sha256}` : ''
  // The print margin boxes need the words of this language: CSS strings, escaped for CSS.
  const cssString = (s: string) =>
    `"${s.replace(/["\\\n]/g, (c) => (c === '\n' ? ' ' : `\\${c}`))}"`
  const [before, middle, after] = pageLabelParts(minutes.pageLabel)
  const margin = 'font: 8pt "DejaVu Sans", "Noto Sans", sans-serif; color: #4a4a4a;'
  const pageCss = `@page { @bottom-right { ${margin} content: ${cssString(before)} counter(page) ${cssString(middle)} counter(pages) ${cssString(after)}; } @top-right { ${margin} content: ${cssString(minutes.statusLine)}; } }`
  return `<!doctype html>
<html lang="${minutes.langTag}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${MINUTES_HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${textHtml(minutes.title)}</title>
<style>
${MINUTES_CSS}
@media print { ${pageCss} }
</style>
</head>
<body class="status-${minutes.status}">
<header>
<p class="status">${textHtml(minutes.statusLine)}</p>
<h1><span class="kind">${textHtml(minutes.kind)}</span> <span class="event">${textHtml(minutes.eventTitle)}</span></h1>
${draft}
</header>
<main>
${minutes.sections.map(sectionHtml).join('\n')}
</main>
<footer><p>${textHtml(minutes.statusLine + digest)}</p></footer>
</body>
</html>
`
}
