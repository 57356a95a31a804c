import { ConfirmDialog } from '../components/confirm-dialog';
import { useLeaveQuestion } from '../state/project-switch';

/** "This window holds a memo being written …": asked before another project replaces this one. */
export function LeaveDialog() {
  const question = useLeaveQuestion();
  if (!question) return null;
  const work = question.work.length === 1 ? question.work[0]! : `${question.work.slice(0, -1).join(', ')} and ${question.work.at(-1)!}`;
  return (
    <ConfirmDialog
      open
      title="Unsaved work"
      message={`This window holds ${work}, which opening another project would lose. Go on and lose it, or cancel to finish it first?`}
      confirmLabel="Lose it and go on"
      onCancel={() => question.answer(false)}
      onConfirm={() => question.answer(true)}
    />
  );
}
