// The server's refusal with its precise list of errors, announced to screen readers.

export interface Problem {
  message: string;
  issues: string[];
}

export function ErrorList({ error, title, testid }: { error: Problem | null; title?: string; testid?: string }) {
  if (!error) return null;
  return (
    <div className="form-error fac-errors" role="alert" data-testid={testid}>
      <p>{title ? `${title} ${error.message}` : error.message}</p>
      {error.issues.length > 0 && (
        <ul>
          {error.issues.map((i, k) => (
            <li key={k}>
              <code>{i}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
