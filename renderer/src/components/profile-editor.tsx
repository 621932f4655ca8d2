import { Field } from './common.js';

/** One problem found in a mapping profile: the dotted field path and what to do. */
export interface ProfileProblemLine {
  readonly path: string;
  readonly message: string;
}

/** The list of problems found in a mapping profile, each with the field it concerns. */
export function ProfileProblems({ problems }: { problems: readonly ProfileProblemLine[] }) {
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

/** The YAML text of a mapping profile, with the problems found in it listed above. */
export function ProfileEditor({
  id,
  label,
  rows,
  text,
  onChange,
  problems,
}: {
  id: string;
  label: string;
  rows: number;
  text: string;
  onChange: (text: string) => void;
  problems: readonly ProfileProblemLine[];
}) {
  return (
    <>
      <ProfileProblems problems={problems} />
      <Field id={id} label={label}>
        <textarea
          id={id}
          className="code"
          rows={rows}
          spellCheck={false}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      </Field>
    </>
  );
}
