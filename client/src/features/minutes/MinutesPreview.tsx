import type { Block, Minutes, MinutesSection, Run } from '@hytepaja/shared/minutes/model'
import type { ReactNode } from 'react'

type Level = 2 | 3 | 4 | 5 | 6
const clamp = (level: number) => Math.max(2, Math.min(6, level)) as Level

function Heading({
  level,
  children,
  className,
}: {
  level: number
  children: ReactNode
  className?: string
}) {
  const Tag = `h${clamp(level)}` as 'h2'
  return <Tag className={className}>{children}</Tag>
}

/** Changes carry the marks the minutes' legend explains, as in the HTML, DOCX and PDF files. */
function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, index) => {
        const key = `${index}`
        const text = run.bold ? <strong>{run.text}</strong> : run.text
        if (run.change === 'added')
          return (
            <ins key={key}>
              <span className="minutes-preview__mark">[+ </span>
              {text}
              <span className="minutes-preview__mark"> +]</span>
            </ins>
          )
        if (run.change === 'removed')
          return (
            <del key={key}>
              <span className="minutes-preview__mark">[− </span>
              {text}
              <span className="minutes-preview__mark"> −]</span>
            </del>
          )
        return <span key={key}>{text}</span>
      })}
    </>
  )
}

/** A table cell's text: a blank line separates paragraphs. */
function Cell({ text }: { text: string }) {
  const parts = text.split(/\n\s*\n/)
  if (parts.length === 1) return text
  return parts.map((part, index) => {
    const key = `${index}`
    return <p key={key}>{part}</p>
  })
}

function BlockView({ block, offset }: { block: Block; offset: number }) {
  switch (block.kind) {
    case 'heading':
      return <Heading level={block.level + offset}>{block.text}</Heading>
    case 'paragraph':
      return (
        <p className="minutes-preview__p">
          <Runs runs={block.runs} />
        </p>
      )
    case 'facts':
      return (
        <dl className="minutes-preview__facts">
          {block.facts.map((fact) => (
            <div key={fact.label} className="minutes-preview__fact">
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      )
    case 'list':
      return (
        <ul className="minutes-preview__list">
          {block.items.map((item, index) => {
            const key = `${index}`
            return <li key={key}>{item}</li>
          })}
        </ul>
      )
    // biome-ignore-start lint/a11y/noRedundantRoles: a phone stacks the rows with display: block, which drops table semantics in some browsers; the roles keep them.
    case 'table':
      return (
        <table className="minutes-preview__table" role="table">
          <caption>{block.table.caption}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {block.table.columns.map((column) => (
                <th key={column} scope="col" role="columnheader">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {block.table.rows.map((row, r) => {
              const rowKey = `${r}`
              return (
                <tr key={rowKey} role="row">
                  {row.map((cell, c) => {
                    const cellKey = `${c}`
                    return (
                      <td key={cellKey} role="cell" data-label={block.table.columns[c]}>
                        <Cell text={cell} />
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
      )
    // biome-ignore-end lint/a11y/noRedundantRoles: see above.
  }
}

/**
 * The minutes on screen, drawn from the same model as the HTML, DOCX and PDF files. Its title
 * is a heading at `level` (the model's sections follow one level below); `after` adds
 * something under a section, such as the checkers' comments and their form.
 */
export function MinutesPreview({
  minutes,
  level,
  after,
}: {
  minutes: Minutes
  level: 2 | 3 | 4
  after?(section: MinutesSection): ReactNode
}) {
  // The model's levels count from the document's own title (1) and its parts (2).
  const offset = level - 1
  return (
    <article className="minutes-preview" lang={minutes.langTag}>
      <header className="minutes-preview__header">
        <p className="minutes-preview__kind">{minutes.kind}</p>
        <Heading level={level} className="minutes-preview__title">
          {minutes.eventTitle}
        </Heading>
        <p className={`minutes-preview__status minutes-preview__status--${minutes.status}`}>
          {minutes.statusLine}
        </p>
        {minutes.draftNotice ? (
          <p className="minutes-preview__draft">{minutes.draftNotice}</p>
        ) : null}
      </header>
      {minutes.sections.map((section) => (
        <section
          key={section.id}
          className={`minutes-preview__section minutes-preview__section--${section.level}`}
          data-section-id={section.id}
        >
          <Heading level={section.level + offset} className="minutes-preview__heading">
            {section.heading}
            {section.outcome ? (
              <span className="minutes-preview__outcome"> ({section.outcome})</span>
            ) : null}
          </Heading>
          {section.blocks.map((block, index) => {
            // The blocks of a section never move: their place is who they are.
            const key = `${index}`
            return <BlockView key={key} block={block} offset={offset} />
          })}
          {after?.(section)}
        </section>
      ))}
    </article>
  )
}
