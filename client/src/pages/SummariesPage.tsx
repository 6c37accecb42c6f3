import { ConsoleKeyMissing } from '../features/organiser/access'
import { Summaries } from '../features/yearCycle/Summaries'
import { useConsoleKey } from '../features/yearCycle/useConsoleKey'
import '../styles/organiser.css'
import '../styles/yearCycle.css'

/** `/admin/summaries`: the summaries (koosteet) per municipality group, and their files. */
export default function SummariesPage() {
  const key = useConsoleKey()
  if (!key) return <ConsoleKeyMissing />
  return <Summaries consoleKey={key} />
}
