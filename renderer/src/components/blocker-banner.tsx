import type { StatusBlocker } from '../contract.js';
import { href } from '../hooks/use-route.js';

/** The one plain banner for what stops syncing; every screen stays reachable below it. */
export function BlockerBanner({ blocker }: { blocker: StatusBlocker | null }) {
  if (!blocker || blocker.kind === 'not-set-up') return null;
  const target = blocker.fixIn === 'mappings' ? 'Open Mappings' : 'Open Settings';
  return (
    <div className="banner banner-error" role="alert">
      <span>{blocker.message}</span>{' '}
      <a href={href(blocker.fixIn)} className="banner-action">
        {target}
      </a>
    </div>
  );
}
