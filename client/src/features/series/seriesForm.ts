import type { SeriesInput } from '../../api/series'

export interface SeriesFormValues {
  name: string
  cadence: '2' | '3' | '4'
  themes: string
  municipalities: string
  members: string
}

export const EMPTY_SERIES_FORM: SeriesFormValues = {
  name: '',
  cadence: '3',
  themes: '',
  municipalities: '',
  members: '',
}

/** One name a line (commas too, for the municipalities and themes typed on one line). */
const lines = (text: string, commas: boolean) =>
  text
    .split(commas ? /[\n,]/ : /\n/)
    .map((line) => line.trim())
    .filter(Boolean)

export function seriesInput(values: SeriesFormValues): SeriesInput {
  return {
    name: values.name.trim(),
    cadence: Number(values.cadence),
    themes: lines(values.themes, true),
    municipalities: lines(values.municipalities, true),
    // Organisations' names may carry commas ("Kirkkonummen seurakunta, diakonia"): lines only.
    members: lines(values.members, false),
  }
}

export function checkSeriesForm(values: SeriesFormValues): { name?: string } {
  return values.name.trim() ? {} : { name: 'series.name.empty' }
}
