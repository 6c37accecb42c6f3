/** The HTML minutes' stylesheet: quiet type on screen, A4 with repeated table headers in print. */
export const MINUTES_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #8a8a8a; --accent: #0b4f8a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem 1rem 3rem; color: var(--ink); background: #fff;
  font: 1rem/1.5 "DejaVu Sans", "Noto Sans", system-ui, sans-serif; overflow-wrap: break-word; }
header { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; }
h1 { margin: 0.25rem 0 1rem; font-size: 1.6rem; line-height: 1.25; }
h1 .kind { display: block; letter-spacing: 0.06em; }
h1 .event { display: block; font-size: 1.2rem; font-weight: 600; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; }
h4, h5 { font-size: 1rem; margin: 1rem 0 0.3rem; }
section.level3 { margin-left: 1rem; }
p { margin: 0.4rem 0; }
.status { margin: 0; font-weight: 700; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }
.draft-notice { border: 2px solid #8a5a00; background: #fff6e0; padding: 0.5rem 0.75rem; font-weight: 600; }
.outcome { font-weight: 400; color: var(--muted); font-size: 0.9em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0; }
dl.facts div { display: contents; }
dt { font-weight: 700; }
dd { margin: 0; }
dd p, td p { margin: 0 0 0.4rem; }
.table-scroll { overflow-x: auto; }
.table-scroll:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
table { width: 100%; min-width: 36rem; border-collapse: collapse; margin: 0.75rem 0 1rem; font-size: 0.92rem; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.3rem; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
td { hyphens: auto; }
thead th { background: #e8eef5; }
ul { margin: 0.4rem 0; padding-left: 1.4rem; columns: 2 16rem; }
ins { text-decoration: underline; text-decoration-thickness: 2px; background: #e3f4e3; color: #0d4d0d; }
del { text-decoration: line-through; background: #fbe5e5; color: #7a1010; }
.mark { font-weight: 700; }
footer { margin-top: 2.5rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; }
@media print {
  @page { size: A4; margin: 20mm 18mm 22mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2, h3, h4, h5 { break-after: avoid; }
  tr, dl.facts div { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-scroll { overflow: visible; }
  table { min-width: 0; }
  .draft-notice { background: none; }
  ins, del { background: none; color: inherit; }
  footer { display: none; }
}
`
