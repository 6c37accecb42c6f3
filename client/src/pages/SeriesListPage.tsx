import { SeriesList } from '../features/series/SeriesList'
import '../styles/organiser.css'
import '../styles/followUpItem.css'

/** `/admin/series` (+ `#console key`): the partnership groups. */
export default function SeriesListPage() {
  return <SeriesList />
}
