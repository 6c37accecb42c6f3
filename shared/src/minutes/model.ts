/**
 * The decision minutes (päätöspöytäkirja / beslutsprotokoll) as a presentation-ready structure:
 * every string already in the minutes' language, every § numbered. The HTML, DOCX and PDF
 * renderers and the on-screen preview draw this one structure, so a file and the preview never
 * disagree about what the meeting decided.
 */

export const MINUTES_LANGUAGES = ['fi', 'sv', 'en'] as const
export type MinutesLanguage = (typeof MINUTES_LANGUAGES)[number]

/** BCP 47 tags the files declare: Finland's Finnish and Swedish. */
export const LANGUAGE_TAGS: Record<MinutesLanguage, string> = {
  fi: 'fi-FI',
  sv: 'sv-FI',
  en: 'en-GB',
}

/** A run of text in a paragraph. `change` marks one part of a word-by-word difference. */
export interface Run {
  text: string
  bold?: boolean
  change?: 'added' | 'removed'
}

/** A label and its value ("Aika", "torstai 12. syyskuuta 2024 klo 9.00–15.00"). */
export interface Fact {
  label: string
  value: string
}

export interface Table {
  caption: string
  columns: string[]
  /** Cells are plain text; a blank line separates paragraphs inside a cell. */
  rows: string[][]
  /**
   * How wide each column is relative to the others on a printed page (PDF, DOCX); left out,
   * the renderer decides (the minutes' action table has its own).
   */
  weights?: number[]
}

export type Block =
  /** A heading inside a section ("Päätösehdotus", "Päätös"); its level is absolute (3–5). */
  | { kind: 'heading'; level: 3 | 4 | 5; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'facts'; facts: Fact[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; table: Table }

export interface MinutesSection {
  /** Stable within one event: the agenda item's id, or the name of a fixed part. */
  id: string
  /** "§9 a", or null for the parts around the items. */
  label: string | null
  /** The heading as shown, "§9 a Mielen hyvinvointi". */
  heading: string
  /** 2 for the parts and §s, 3 for sub-items (§9 a). */
  level: 2 | 3
  /** For decision items, the outcome in a word or two ("esityksen mukaisesti"). */
  outcome: string | null
  blocks: Block[]
}

export interface Minutes {
  lang: MinutesLanguage
  /** "fi-FI", "sv-FI": the document language every file declares. */
  langTag: string
  status: 'draft' | 'final'
  /** Starts at 1; reopening after a lock makes a new version. */
  version: number
  /** Hex SHA-256 of the locked content; null for a draft. */
  sha256: string | null
  /** "PÄÄTÖSPÖYTÄKIRJA" */
  kind: string
  /** The document's title (metadata, the first heading's second line): "Päätöspöytäkirja: …". */
  title: string
  eventTitle: string
  /** "LUONNOS · Versio 1" or "Tarkastettu pöytäkirja · Versio 2". */
  statusLine: string
  /** The warning a draft carries at its top; null when final. */
  draftNotice: string | null
  /** The footer's page label with `{page}` and `{pages}` left for the renderer. */
  pageLabel: string
  /** File name without extension, may hold non-ASCII letters ("päätöspöytäkirja-2024-09-12"). */
  fileStem: string
  sections: MinutesSection[]
}
