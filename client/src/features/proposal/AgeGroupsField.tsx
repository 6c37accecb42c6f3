import { AGE_GROUPS, type AgeGroup } from '@hytepaja/shared/doc/schema/board'
import { FormattedMessage, useIntl } from 'react-intl'
import { ageGroupLabel } from './labels'

/** The age groups an action concerns: native checkboxes (large targets), or words when read-only. */
export function AgeGroupsField({
  value,
  editable,
  onChange,
}: {
  value: AgeGroup[]
  editable: boolean
  onChange(groups: AgeGroup[]): void
}) {
  const intl = useIntl()
  if (!editable) {
    return (
      <p>
        <span className="field__label">
          <FormattedMessage id="proposal.action.ageGroups" />
        </span>{' '}
        {value.length > 0
          ? intl.formatList(value.map((g) => intl.formatMessage(ageGroupLabel[g])))
          : intl.formatMessage({ id: 'proposal.action.ageGroupsNone' })}
      </p>
    )
  }
  return (
    <fieldset className="age-groups">
      <legend className="field__label">
        <FormattedMessage id="proposal.action.ageGroups" />
      </legend>
      <div className="age-groups__list">
        {AGE_GROUPS.map((group) => (
          <label key={group} className="age-groups__option">
            <input
              type="checkbox"
              checked={value.includes(group)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...value, group] : value.filter((g) => g !== group),
                )
              }
            />
            <FormattedMessage {...ageGroupLabel[group]} />
          </label>
        ))}
      </div>
    </fieldset>
  )
}
