import { FormattedMessage, useIntl } from 'react-intl'
import { NativeButton } from '../../ui/NativeButton'

export interface VoteControlsProps {
  text: string
  myVotes: number
  /** Several dots on one idea allowed. */
  multiple: boolean
  /**
   * Every dot is used: "Äänestä" is disabled and described by the element with this id, which
   * says why (null while dots are left).
   */
  spentReasonId: string | null
  onCast(): void
  onRetract(): void
}

/**
 * "Äänestä" and "Peru ääni" on one note; each button names the idea it acts on. The buttons
 * never disappear under the keyboard: with one dot per idea it is one button whose words
 * change, with several dots both buttons stay (taking back a dot that is not there is refused
 * by the server, in words). With every dot used, "Äänestä" is disabled and says why.
 */
export function VoteControls({
  text,
  myVotes,
  multiple,
  spentReasonId,
  onCast,
  onRetract,
}: VoteControlsProps) {
  const intl = useIntl()
  const cast = (
    <NativeButton
      variant="primary"
      size="small"
      aria-label={intl.formatMessage({ id: 'vote.castNamed' }, { text })}
      disabled={spentReasonId !== null}
      aria-describedby={spentReasonId ?? undefined}
      onClick={onCast}
    >
      <FormattedMessage id="vote.cast" />
    </NativeButton>
  )
  const retract = (
    <NativeButton
      size="small"
      aria-label={intl.formatMessage({ id: 'vote.retractNamed' }, { text })}
      onClick={onRetract}
    >
      <FormattedMessage id="vote.retract" />
    </NativeButton>
  )
  if (multiple)
    return (
      <>
        {cast}
        {retract}
      </>
    )
  // One element whose label changes, so focus stays on it after voting.
  return myVotes === 0 ? cast : retract
}
