import { ConsoleKeyMissing } from '../features/organiser/access'
import { Register } from '../features/yearCycle/Register'
import { useConsoleKey } from '../features/yearCycle/useConsoleKey'
import '../styles/organiser.css'
import '../styles/yearCycle.css'

/** `/admin/register`: the county's organisations, their merges and municipality groups. */
export default function RegisterPage() {
  const key = useConsoleKey()
  if (!key) return <ConsoleKeyMissing />
  return <Register consoleKey={key} />
}
