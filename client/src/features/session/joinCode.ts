/** The join code is eight digits, said and typed as "1234 5678". */
export const JOIN_CODE_LENGTH = 8

export function joinCodeDigits(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, JOIN_CODE_LENGTH)
}

/** Formats what someone typed or pasted ("12345678", "1234-5678") as "1234 5678". */
export function formatJoinCode(raw: string): string {
  const digits = joinCodeDigits(raw)
  return digits.length > 4 ? `${digits.slice(0, 4)} ${digits.slice(4)}` : digits
}

export function isCompleteJoinCode(raw: string): boolean {
  return joinCodeDigits(raw).length === JOIN_CODE_LENGTH
}
