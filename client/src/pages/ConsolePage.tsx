import { ConsoleHome } from '../features/organiser/ConsoleHome'
import '../styles/organiser.css'

/** `/admin#<console key>`: the organisers' console, its events and "Uusi neuvottelu". */
export default function ConsolePage() {
  return <ConsoleHome />
}
