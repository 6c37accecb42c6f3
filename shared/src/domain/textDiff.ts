/** A word-level difference, for showing what changed between two versions of a text. */
export type DiffPart = { op: 'same' | 'added' | 'removed'; text: string }

/** Splits into words and runs of whitespace, so joining the parts restores the text exactly. */
function words(text: string): string[] {
  return text.match(/\S+|\s+/g) ?? []
}

const MAX_CELLS = 4_000_000

/**
 * The longest-common-subsequence diff of two texts by words. Texts too long for an exact diff
 * (proposals are short; this bounds a hostile one) come back as one removal and one addition.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ op: 'same', text: before }] : []
  const a = words(before)
  const b = words(after)
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...(before ? [{ op: 'removed' as const, text: before }] : []),
      ...(after ? [{ op: 'added' as const, text: after }] : []),
    ]
  }
  // lengths[i][j] = LCS of a[i..] and b[j..]
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lengths[i] as Uint32Array
      row[j] =
        a[i] === b[j]
          ? ((lengths[i + 1] as Uint32Array)[j + 1] as number) + 1
          : Math.max((lengths[i + 1] as Uint32Array)[j] as number, row[j + 1] as number)
    }
  }
  const parts: DiffPart[] = []
  const push = (op: DiffPart['op'], text: string) => {
    const last = parts.at(-1)
    if (last?.op === op) last.text += text
    else parts.push({ op, text })
  }
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', b[j] as string)
      i++
      j++
    } else if (
      ((lengths[i + 1] as Uint32Array)[j] as number) >=
      ((lengths[i] as Uint32Array)[j + 1] as number)
    ) {
      push('removed', a[i++] as string)
    } else {
      push('added', b[j++] as string)
    }
  }
  while (i < a.length) push('removed', a[i++] as string)
  while (j < b.length) push('added', b[j++] as string)
  return parts
}

export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((p) => p.op !== 'same')
}
