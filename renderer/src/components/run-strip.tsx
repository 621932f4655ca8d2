import type { TouchpointName } from '../contract.js';
import { progressText } from '../contract.js';
import type { LiveProgress } from '../hooks/live-status.js';

/**
 * The runs in flight, pinned at the top of every screen: "Sales orders → Orders: 112 of 140, about 6 s left".
 * Not a live region (it changes four times a second); each dashboard card announces its own progress.
 */
export function RunStrip({
  progress,
}: {
  progress: Readonly<Partial<Record<TouchpointName, LiveProgress>>>;
}) {
  const runs = Object.values(progress);
  if (runs.length === 0) return null;
  return (
    <div className="run-strip" role="region" aria-label="Running now">
      {runs.map((p) => {
        const known = p.total !== null && p.total >= p.done;
        return (
          <div className="run-strip-item" key={p.runId}>
            <progress
              max={known ? (p.total ?? undefined) : undefined}
              value={known ? p.done : undefined}
              aria-hidden="true"
            />
            <span className="run-strip-text">{progressText(p.touchpoint, p.done, p.total, p.pace)}</span>
          </div>
        );
      })}
    </div>
  );
}
