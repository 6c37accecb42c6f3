import { DomainError } from '../domain/errors.js'
import { cleanText } from '../validation/text.js'

/**
 * The county's register of organisations (kunnat, järjestöt, seurakunnat, the county's own
 * units, companies, schools): built from what participants type when they join and from the
 * responsible parties of decided actions, kept tidy by the organiser, who merges duplicates.
 * Plain functions over plain rows; the server keeps the rows.
 */

export const ORGANISATION_KINDS = [
  'municipality',
  'ngo',
  'parish',
  'countyUnit',
  'company',
  'school',
  'other',
] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]

/** As long as a participant's organisation may be (`MAX_ORGANISATION` of participants). */
export const MAX_ORGANISATION_NAME = 120

/** One organisation as the register holds it. */
export interface Organisation {
  id: string
  name: string
  kind: OrganisationKind
  /** While merged: the organisation it now counts as (its name stays, as a name it is known by). */
  mergedInto: string | null
}

/** A name as stored: the shared text rules, runs of white space as one space. */
export function cleanOrganisationName(raw: unknown, field = 'organisation.name'): string {
  return cleanText(raw, field, MAX_ORGANISATION_NAME).replace(/\s+/g, ' ')
}

export function cleanKind(raw: unknown): OrganisationKind {
  if (!(ORGANISATION_KINDS as readonly unknown[]).includes(raw))
    throw new DomainError('organisation.kind.invalid', 'unknown kind of organisation')
  return raw as OrganisationKind
}

/**
 * The key two spellings of one name share: case, accents' composition, punctuation and spacing
 * do not matter ("Jämsän Kaupunki", "jämsän kaupunki."), letters do ("Jämsä" is not "Jamsa":
 * ä is a letter of its own in Finnish and Swedish).
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase('fi')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Whole words (letters on neither side; `\b` knows no ä or ö). */
const wholeWords = (...list: string[]) =>
  new RegExp(`(?<!\\p{L})(${list.join('|')})(?!\\p{L})`, 'u')

/** Words that tell the kind; a parish word is checked before "kunta" ("seurakunta"). */
const KIND_WORDS: Array<[OrganisationKind, RegExp]> = [
  ['parish', wholeWords('seurakunta', 'seurakuntayhtymä', 'församling', 'parish')],
  ['countyUnit', /hyvinvointialue|välfärdsområde|wellbeing services county/u],
  [
    'municipality',
    wholeWords('kaupunki', 'kunta', 'stad', 'kommun', 'municipality', 'city of', 'town of'),
  ],
  [
    'school',
    wholeWords(
      'koulu',
      'lukio',
      'opisto',
      'ammattikorkeakoulu',
      'yliopisto',
      'skola',
      'gymnasium',
      'school',
    ),
  ],
  ['company', wholeWords('oy', 'oyj', 'ab', 'ky', 'tmi', 'osakeyhtiö', 'ltd', 'inc')],
  [
    'ngo',
    wholeWords(
      'ry',
      'rf',
      'yhdistys',
      'liitto',
      'järjestö',
      'säätiö',
      'förening',
      'förbund',
      'stiftelse',
      'association',
    ),
  ],
]

/** A first guess at the kind from the name; the organiser corrects it in the register. */
export function guessKind(name: string): OrganisationKind {
  const key = nameKey(name)
  for (const [kind, words] of KIND_WORDS) if (words.test(key)) return kind
  return 'other'
}

/** Words that only say what kind of body a municipality is: "Jämsän kaupunki" is Jämsä. */
const GENERIC = new Set([
  'kaupunki',
  'kunta',
  'stad',
  'kommun',
  'city',
  'town',
  'municipality',
  'of',
  'ry',
  'rf',
  'oy',
  'ab',
])

/**
 * The name without its generic words, each word's Finnish genitive ending dropped ("jämsän
 * kaupunki" → "jämsä", "keuruun" → "keuruu"): what duplicates are compared by.
 */
export function coreKey(name: string): string {
  const words = nameKey(name)
    .split(' ')
    .filter((w) => w && !GENERIC.has(w))
  return words.map((w) => (w.length > 4 && /[aeiouyäö]n$/.test(w) ? w.slice(0, -1) : w)).join(' ')
}

function bigrams(text: string): Map<string, number> {
  const padded = ` ${text} `
  const grams = new Map<string, number>()
  for (let i = 0; i < padded.length - 1; i++) {
    const gram = padded.slice(i, i + 2)
    grams.set(gram, (grams.get(gram) ?? 0) + 1)
  }
  return grams
}

/**
 * How alike two names are, 0–1: 1 for the same core ("Jämsä" / "Jämsän kaupunki"), high when
 * one core starts the other or both differ only in their ending, else the overlap of their
 * letter pairs (Dice coefficient).
 */
export function similarity(a: string, b: string): number {
  const x = coreKey(a)
  const y = coreKey(b)
  if (!x || !y) return 0
  if (x === y) return 1
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  // One spelling of the same words ("Petäjävesi" / "Petäjäveden"), not an added word.
  const rest = long.slice(short.length)
  if (long.startsWith(short) && short.length >= 4 && !rest.includes(' '))
    return 0.8 + (0.15 * short.length) / long.length
  // Finnish bends a name at its end ("Petäjävesi" / "Petäjäveden", "Äänekoski" / "Äänekosken").
  let common = 0
  while (common < short.length && short[common] === long[common]) common++
  if (!long.includes(' ') && common >= 6 && common >= 0.75 * short.length)
    return 0.78 + (0.15 * common) / long.length
  const gx = bigrams(x)
  const gy = bigrams(y)
  let shared = 0
  for (const [gram, n] of gx) shared += Math.min(n, gy.get(gram) ?? 0)
  const total = [...gx.values(), ...gy.values()].reduce((s, n) => s + n, 0)
  return total === 0 ? 0 : (2 * shared) / total
}

/** Pairs at least this alike are offered to the organiser as possible duplicates. */
export const DUPLICATE_THRESHOLD = 0.75

/**
 * The organisation a reference counts as: itself, or what it was merged into (and on, for
 * a chain of merges). A broken chain (a row that went missing) stops where it breaks.
 */
export function canonicalId(byId: ReadonlyMap<string, Organisation>, id: string): string {
  let current = id
  const seen = new Set<string>()
  for (;;) {
    const next = byId.get(current)?.mergedInto
    if (!next || seen.has(next)) return current
    seen.add(current)
    current = next
  }
}

/** Pairs of organisations (neither merged) whose names are alike enough to be one. */
export function likelyDuplicates(
  organisations: Organisation[],
  threshold = DUPLICATE_THRESHOLD,
): Array<{ a: Organisation; b: Organisation; similarity: number }> {
  const live = organisations.filter((o) => o.mergedInto === null)
  const pairs: Array<{ a: Organisation; b: Organisation; similarity: number }> = []
  // Compared within a block of the core's first two letters: alike names share their start,
  // and a register of thousands is not compared pair by pair.
  const blocks = new Map<string, Organisation[]>()
  for (const org of live) {
    const block = coreKey(org.name).slice(0, 2)
    if (!block) continue
    blocks.set(block, [...(blocks.get(block) ?? []), org])
  }
  for (const members of blocks.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i] as Organisation
        const b = members[j] as Organisation
        const score = similarity(a.name, b.name)
        if (score >= threshold) pairs.push({ a, b, similarity: Math.round(score * 100) / 100 })
      }
    }
  }
  return pairs.sort((p, q) => q.similarity - p.similarity || p.a.name.localeCompare(q.a.name, 'fi'))
}

/** At most this many names are suggested to a person typing their organisation. */
export const MAX_SUGGESTIONS = 10

/**
 * Names to suggest for what a person has typed: organisations (merged ones under the name
 * they now count as) whose name starts with it first, then those that contain it or are
 * alike, each once. Only names and kinds: the register says nothing about people.
 */
export function suggest(
  organisations: Organisation[],
  typed: string,
  limit = MAX_SUGGESTIONS,
): Array<{ name: string; kind: OrganisationKind }> {
  const byId = new Map(organisations.map((o) => [o.id, o]))
  const query = nameKey(typed)
  const scored = new Map<string, { org: Organisation; score: number }>()
  for (const org of organisations) {
    const key = nameKey(org.name)
    let score: number
    if (!query) score = 0.1
    else if (key.startsWith(query)) score = 3
    else if (key.includes(` ${query}`)) score = 2.5
    else if (key.includes(query)) score = 2
    else score = query.length >= 3 ? similarity(typed, org.name) : 0
    if (score < 0.6 && query) continue
    const target = byId.get(canonicalId(byId, org.id)) ?? org
    const best = scored.get(target.id)
    if (!best || best.score < score) scored.set(target.id, { org: target, score })
  }
  return [...scored.values()]
    .sort((a, b) => b.score - a.score || a.org.name.localeCompare(b.org.name, 'fi'))
    .slice(0, limit)
    .map(({ org }) => ({ name: org.name, kind: org.kind }))
}
