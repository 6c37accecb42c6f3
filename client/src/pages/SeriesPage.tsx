import { useParams } from 'wouter'
import { SeriesDetail } from '../features/series/SeriesDetail'
import '../styles/organiser.css'
import '../styles/minutes.css'
import '../styles/followUpItem.css'

/** `/admin/series/{seriesId}`: one partnership group's meetings and open actions. */
export default function SeriesPage() {
  const { seriesId = '' } = useParams<{ seriesId: string }>()
  return <SeriesDetail key={seriesId} seriesId={seriesId} />
}
