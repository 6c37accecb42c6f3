import type { Language } from '../doc/schema.js'

/** The three themes most counties start from (Keski-Suomi 2024), in each UI language. */
const DEFAULT_THEMES: Record<Language, Array<{ name: string; description: string }>> = {
  fi: [
    {
      name: 'Mielen hyvinvointi',
      description: 'Mielenterveys, yksinäisyys ja osallisuus arjessa.',
    },
    { name: 'Arjen turvallisuus', description: 'Turvallinen koti, liikenne ja lähiympäristö.' },
    { name: 'Liikunnallinen elämäntapa', description: 'Liikkumisen ilo kaikenikäisille.' },
  ],
  sv: [
    {
      name: 'Psykiskt välbefinnande',
      description: 'Psykisk hälsa, ensamhet och delaktighet i vardagen.',
    },
    { name: 'Trygghet i vardagen', description: 'Ett tryggt hem, trafik och närmiljö.' },
    { name: 'Fysiskt aktiv livsstil', description: 'Glädjen att röra på sig i alla åldrar.' },
  ],
  en: [
    {
      name: 'Mental wellbeing',
      description: 'Mental health, loneliness and inclusion in everyday life.',
    },
    { name: 'Everyday safety', description: 'A safe home, traffic and neighbourhood.' },
    { name: 'Physically active lifestyle', description: 'The joy of moving at every age.' },
  ],
}

export function defaultThemes(language: Language): Array<{ name: string; description: string }> {
  return DEFAULT_THEMES[language].map((theme) => ({ ...theme }))
}
