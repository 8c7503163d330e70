// Server errors shown plainly beside the control that caused them: the server's user message and,
// for validation failures, each field's message.
import { ApiError } from '../api.ts';

/** Shows an error (or nothing). `role=alert` makes screen readers announce it. */
export function ErrorBox({ error }: { error: Error | undefined }) {
  if (error === undefined) return null;
  const status = error instanceof ApiError && error.status > 0 ? ` (HTTP ${error.status})` : '';
  return (
    <div class="error" role="alert">
      <strong>Error{status}:</strong> {error.message}
    </div>
  );
}
