import { type ComponentProps, lazy, Suspense } from 'react'

// Shown only before the workshop starts and only when the organiser asked a question: its form
// (React Aria's text field) loads then, not with every participant's board.
const PreAssignmentCard = lazy(() =>
  import('./PreAssignmentCard').then((m) => ({ default: m.PreAssignmentCard })),
)

/** The pre-assignment card, with its own code; nothing stands in while it loads. */
export function PreAssignmentSlot(props: ComponentProps<typeof PreAssignmentCard>) {
  return (
    <Suspense fallback={null}>
      <PreAssignmentCard {...props} />
    </Suspense>
  )
}
