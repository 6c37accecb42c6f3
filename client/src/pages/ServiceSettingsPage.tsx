import { ServiceSettings } from '../features/organiser/ServiceSettings'
import '../styles/organiser.css'

/** `/admin/settings`: the service's settings (the controller, accessibility, retention). */
export default function ServiceSettingsPage() {
  return <ServiceSettings />
}
