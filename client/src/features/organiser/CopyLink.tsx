import { FormattedMessage, useIntl } from 'react-intl'
import { CopyButton } from '../../ui/CopyButton'

/** "Kopioi" for one link, named for screen readers by whose link it is. */
export function CopyLink({ text, name }: { text: string; name: string }) {
  const intl = useIntl()
  return (
    <CopyButton
      text={text}
      aria-label={intl.formatMessage({ id: 'links.copyNamed' }, { name })}
      copiedLabel={intl.formatMessage({ id: 'links.copied' })}
      failedLabel={intl.formatMessage({ id: 'links.copyFailed' })}
    >
      <FormattedMessage id="links.copy" />
    </CopyButton>
  )
}
