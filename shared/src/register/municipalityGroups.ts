import { DomainError } from '../domain/errors.js'
import { cleanText } from '../validation/text.js'
import { cleanOrganisationName, nameKey } from './organisations.js'

/**
 * Municipality groups (kuntaryhmät): the county holds one negotiation per group a year
 * (Keski-Suomi: six, e.g. "Jämsä, Keuruu, Multia, Petäjävesi"), and the summaries are
 * compiled per group. A group names municipalities of the register; an event belongs to one.
 */

export const MAX_GROUP_NAME = 120
/** As many as an event may name (`municipalities` of an event). */
export const MAX_MUNICIPALITIES = 40
/** A county has a handful; this only keeps the list a list. */
export const MAX_MUNICIPALITY_GROUPS = 100

export interface MunicipalityGroupInput {
  name?: unknown
  municipalities?: unknown
}

export interface CleanMunicipalityGroup {
  name?: string
  /** Municipality names, each once (by their key), in the order given. */
  municipalities?: string[]
}

export function cleanMunicipalityGroup(
  input: MunicipalityGroupInput,
  { partial = false } = {},
): CleanMunicipalityGroup {
  const out: CleanMunicipalityGroup = {}
  if (input.name !== undefined || !partial)
    out.name = cleanText(input.name, 'municipalityGroup.name', MAX_GROUP_NAME).replace(/\s+/g, ' ')
  if (input.municipalities !== undefined || !partial) {
    const list = input.municipalities
    if (!Array.isArray(list) || list.length > MAX_MUNICIPALITIES)
      throw new DomainError(
        'municipalityGroup.municipalities.invalid',
        `a list of at most ${MAX_MUNICIPALITIES} municipalities`,
      )
    const seen = new Set<string>()
    out.municipalities = []
    for (const raw of list) {
      const name = cleanOrganisationName(raw, 'municipalityGroup.municipality')
      if (seen.has(nameKey(name))) continue
      seen.add(nameKey(name))
      out.municipalities.push(name)
    }
  }
  return out
}
