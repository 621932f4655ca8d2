/** The list of problems found in a mapping profile, each with the field it concerns. */
export function ProfileProblems({
  problems,
}: {
  problems: readonly { readonly path: string; readonly message: string }[];
}) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="note note-error">
      <strong>Problems in the profile:</strong>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            <code>{p.path || '(document)'}</code>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
