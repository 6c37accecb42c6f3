import { lazy, Suspense } from 'react'
import { FormattedMessage } from 'react-intl'
import { Route, Switch } from 'wouter'
import { LocaleProvider } from '../i18n/LocaleProvider'
import { lazyWithMessages } from '../i18n/lazyWithMessages'
import { NotFoundPage } from '../pages/NotFoundPage'
import { Loading } from '../ui/Loading'
import { AppShell } from './AppShell'

// Each route is its own chunk: a participant's phone downloads the board, never the organiser's
// pages or the home page's list and join-code form, and later heavy views (proposals, minutes)
// stay out of it. Routes beyond the participant's path bring their own catalog areas
// (`i18n/<area>/`).
const HomePage = lazy(() => import('../pages/HomePage'))
const JoinPage = lazy(() => import('../pages/JoinPage'))
const PersonalLinkPage = lazy(() => import('../pages/PersonalLinkPage'))
const BoardPage = lazyWithMessages(['board'], () => import('../pages/BoardPage'))
const ProposalPage = lazyWithMessages(['proposal'], () => import('../pages/ProposalPage'))
const AgendaPage = lazyWithMessages(['agenda'], () => import('../pages/AgendaPage'))
const ChairConsolePage = lazyWithMessages(
  ['plenary', 'agenda', 'overview'],
  () => import('../pages/ChairConsolePage'),
)
const OrganiserPlenaryPage = lazyWithMessages(
  ['plenary', 'agenda', 'overview', 'organiser'],
  () => import('../pages/OrganiserPlenaryPage'),
)
const PresenterPage = lazyWithMessages(
  ['plenary', 'agenda'],
  () => import('../pages/PresenterPage'),
)
const CheckerPage = lazyWithMessages(['plenary', 'agenda'], () => import('../pages/CheckerPage'))
const ConsolePage = lazyWithMessages(['organiser'], () => import('../pages/ConsolePage'))
const SeriesListPage = lazyWithMessages(
  ['organiser', 'series', 'followUpItem'],
  () => import('../pages/SeriesListPage'),
)
const SeriesPage = lazyWithMessages(
  ['organiser', 'series', 'followUpItem', 'plenary'],
  () => import('../pages/SeriesPage'),
)
const ServiceSettingsPage = lazyWithMessages(
  ['organiser'],
  () => import('../pages/ServiceSettingsPage'),
)
const ManageEventPage = lazyWithMessages(['organiser'], () => import('../pages/ManageEventPage'))
const JoinSheetPage = lazyWithMessages(['organiser'], () => import('../pages/JoinSheetPage'))
const RegisterPage = lazyWithMessages(
  ['organiser', 'yearCycle', 'followUp'],
  () => import('../pages/RegisterPage'),
)
const SummariesPage = lazyWithMessages(
  ['organiser', 'yearCycle', 'followUp'],
  () => import('../pages/SummariesPage'),
)
const FollowUpAdminPage = lazyWithMessages(
  ['organiser', 'yearCycle', 'followUp'],
  () => import('../pages/FollowUpAdminPage'),
)
const FollowUpLinkPage = lazyWithMessages(['followUp'], () => import('../pages/FollowUpLinkPage'))
const ViewerPage = lazyWithMessages(['overview'], () => import('../pages/ViewerPage'))
const AccessibilityPage = lazyWithMessages(['legal'], () => import('../pages/AccessibilityPage'))
const PrivacyPage = lazyWithMessages(['legal'], () => import('../pages/PrivacyPage'))
const GroupsOverviewPage = lazyWithMessages(
  ['overview'],
  () => import('../pages/GroupsOverviewPage'),
)

export function App() {
  return (
    <LocaleProvider>
      <AppShell>
        <Suspense
          fallback={
            <Loading>
              <FormattedMessage id="app.loading" />
            </Loading>
          }
        >
          <Switch>
            <Route path="/" component={HomePage} />
            <Route path="/accessibility" component={AccessibilityPage} />
            <Route path="/privacy" component={PrivacyPage} />
            <Route path="/e/:eventId/privacy" component={PrivacyPage} />
            <Route path="/e/:eventId/join" component={JoinPage} />
            <Route path="/e/:eventId/me" component={PersonalLinkPage} />
            <Route path="/e/:eventId/g/:groupId" component={BoardPage} />
            <Route path="/e/:eventId/g/:groupId/proposal" component={ProposalPage} />
            <Route path="/e/:eventId/agenda" component={AgendaPage} />
            <Route path="/e/:eventId/organiser" component={ManageEventPage} />
            <Route path="/e/:eventId/organiser/sheet" component={JoinSheetPage} />
            <Route path="/e/:eventId/viewer" component={ViewerPage} />
            <Route path="/e/:eventId/overview" component={GroupsOverviewPage} />
            <Route path="/e/:eventId/chair" component={ChairConsolePage} />
            <Route path="/e/:eventId/organiser/plenary" component={OrganiserPlenaryPage} />
            <Route path="/e/:eventId/present" component={PresenterPage} />
            <Route path="/e/:eventId/checker" component={CheckerPage} />
            <Route path="/admin" component={ConsolePage} />
            <Route path="/admin/register" component={RegisterPage} />
            <Route path="/admin/summaries" component={SummariesPage} />
            <Route path="/admin/follow-up" component={FollowUpAdminPage} />
            <Route path="/follow-up" component={FollowUpLinkPage} />
            <Route path="/admin/series" component={SeriesListPage} />
            <Route path="/admin/series/:seriesId" component={SeriesPage} />
            <Route path="/admin/settings" component={ServiceSettingsPage} />
            <Route path="/admin/e/:eventId" component={ManageEventPage} />
            <Route path="/admin/e/:eventId/sheet" component={JoinSheetPage} />
            <Route path="/admin/e/:eventId/plenary" component={OrganiserPlenaryPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </Suspense>
      </AppShell>
    </LocaleProvider>
  )
}
