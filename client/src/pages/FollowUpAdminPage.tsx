import { ConsoleKeyMissing } from '../features/organiser/access'
import { FollowUpAdmin } from '../features/yearCycle/FollowUpAdmin'
import { useConsoleKey } from '../features/yearCycle/useConsoleKey'
import '../styles/organiser.css'
import '../styles/yearCycle.css'

/** `/admin/follow-up`: who has not reported, and the organisations' follow-up links. */
export default function FollowUpAdminPage() {
  const key = useConsoleKey()
  if (!key) return <ConsoleKeyMissing />
  return <FollowUpAdmin consoleKey={key} />
}
