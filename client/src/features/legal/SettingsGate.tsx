import type { ReactNode } from 'react'
import { FormattedMessage } from 'react-intl'
import type { PublicSettings } from '../../api/settings'
import { Button } from '../../ui/Button'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { useServiceSettings } from './useServiceSettings'

/** Renders `children` once the service's settings are here, or says why they are not. */
export function SettingsGate({ children }: { children(settings: PublicSettings): ReactNode }) {
  const loaded = useServiceSettings()
  if (loaded.state === 'loading') {
    return (
      <Loading>
        <FormattedMessage id="legal.loading" />
      </Loading>
    )
  }
  if (loaded.state === 'failed') {
    return (
      <div className="stack">
        <Notice tone="error" announce>
          <FormattedMessage id="legal.failed" />
        </Notice>
        <div>
          <Button variant="primary" onPress={loaded.retry}>
            <FormattedMessage id="link.retry" />
          </Button>
        </div>
      </div>
    )
  }
  return children(loaded.settings)
}
