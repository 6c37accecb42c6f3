/**
 * After a failed submit, takes focus to the first field marked invalid, so keyboard and
 * screen-reader users land on the problem and hear its error (GOV.UK's error pattern).
 * Runs after React has rendered the error state.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const invalid = form?.querySelector<HTMLElement>(
      '[aria-invalid="true"], [data-invalid] input[type="radio"]',
    )
    invalid?.focus()
  })
}
