/** Free tags as typed in one field: "liikunta, #nuoret,  kirjasto" → three tags. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,;\n]/)
    .map((part) => part.trim().replace(/^#+/, '').trim())
    .filter(Boolean)
  return [...new Set(tags)]
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ')
}
