import type { ComponentProps } from 'react'
import { Suspense } from 'react'
import { FormattedMessage } from 'react-intl'
import { lazyWithMessages } from '../../i18n/lazyWithMessages'
import { Loading } from '../../ui/Loading'

// Only a facilitator or the organiser sees these controls: participants' phones never load them.
const FacilitatorPanel = lazyWithMessages(['facilitator'], () =>
  import('../facilitation/FacilitatorPanel').then((m) => ({ default: m.FacilitatorPanel })),
)

/** The facilitator's controls above the board, with their own code and catalog. */
export function FacilitatorSlot(props: ComponentProps<typeof FacilitatorPanel>) {
  return (
    <Suspense
      fallback={
        <Loading>
          <FormattedMessage id="app.loading" />
        </Loading>
      }
    >
      <FacilitatorPanel {...props} />
    </Suspense>
  )
}
