import { useEffect, useRef, useState } from 'react';
import type { ConnectionState } from './bridge/index.js';
import { ErrorNote, Spinner } from './components/common.js';
import { BlockerBanner } from './components/blocker-banner.js';
import { HealthLight } from './components/health-light.js';
import { RunStrip } from './components/run-strip.js';
import { useBridge } from './hooks/bridge-context.js';
import { LiveStatusContext, useLiveStatusSource } from './hooks/live-status.js';
import { href, useRoute } from './hooks/use-route.js';
import type { Screen } from './hooks/use-route.js';
import { Dashboard } from './screens/dashboard.js';
import { ErrorInbox } from './screens/error-inbox.js';
import { Logs } from './screens/logs.js';
import { Mappings } from './screens/mappings.js';
import { Reconcile } from './screens/reconcile.js';
import { RunHistory } from './screens/run-history.js';
import { SettingsScreen } from './settings/settings-screen.js';
import { Wizard } from './screens/wizard.js';

const NAV: readonly { screen: Screen; label: string }[] = [
  { screen: 'dashboard', label: 'Dashboard' },
  { screen: 'runs', label: 'Run history' },
  { screen: 'inbox', label: 'Error inbox' },
  { screen: 'reconcile', label: 'Reconcile' },
  { screen: 'logs', label: 'Logs' },
  { screen: 'settings', label: 'Settings' },
  { screen: 'mappings', label: 'Mappings' },
];

function useConnection(): ConnectionState {
  const bridge = useBridge();
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => bridge.onConnection(setState), [bridge]);
  return state;
}

/** The signed-in app: header, navigation, the current screen, or the first-run wizard. */
export function Shell() {
  const live = useLiveStatusSource();
  const route = useRoute();
  const connection = useConnection();
  // Decided once, on the first status: a later "configured" flip must not skip the wizard's last step.
  const [wizard, setWizard] = useState<'unknown' | 'on' | 'off'>('unknown');
  const mainRef = useRef<HTMLElement>(null);

  const status = live.status;
  // Adjusting state while rendering (React's pattern for derived state) avoids an extra effect pass. Only a
  // setup never finished shows the wizard: an unreachable ERP or a refused key is a banner, not a lock-out.
  if (status && wizard === 'unknown') setWizard(status.setUp ? 'off' : 'on');
  // "Leave demo" starts the setup over: back to the wizard.
  if (status && wizard === 'off' && !status.setUp && !status.demo && status.blocker?.kind === 'not-set-up')
    setWizard('on');
  const showWizard = wizard === 'on';

  // Move focus to the new screen's heading so keyboard and screen-reader users land on it.
  useEffect(() => {
    mainRef.current?.querySelector('h1')?.focus();
  }, [route.screen]);

  // Each screen names itself in the window title (tabs, task bar, history).
  useEffect(() => {
    const screen = showWizard ? 'Setup' : (NAV.find((n) => n.screen === route.screen)?.label ?? 'Dashboard');
    document.title = `${screen} - Infoplus ERP Sync`;
  }, [route.screen, showWizard]);

  return (
    <LiveStatusContext.Provider value={live}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="brand">Infoplus ERP Sync</div>
        {status ? <HealthLight status={status} /> : null}
        {connection !== 'open' ? (
          <span className="connection" role="status">
            {connection === 'connecting' ? 'Connecting to live updates…' : 'Live updates lost, reconnecting…'}
          </span>
        ) : null}
        {!showWizard ? (
          <nav aria-label="Main">
            <ul>
              {NAV.map((item) => (
                <li key={item.screen}>
                  <a
                    href={href(item.screen)}
                    aria-current={route.screen === item.screen ? 'page' : undefined}
                  >
                    {item.label}
                    {item.screen === 'inbox' && status && status.openErrors > 0 ? (
                      <span className="count-pill" aria-label={`${status.openErrors} open`}>
                        {status.openErrors}
                      </span>
                    ) : null}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      {!showWizard && status ? <BlockerBanner blocker={status.blocker} /> : null}
      <RunStrip progress={live.progress} />
      <main id="main" ref={mainRef}>
        {live.error && !status ? <ErrorNote error={live.error} title="Cannot load the status" /> : null}
        {!status && !live.error ? <Spinner label="Loading…" /> : null}
        {showWizard ? (
          <Wizard onDone={() => setWizard('off')} />
        ) : status && wizard === 'off' ? (
          <CurrentScreen screen={route.screen} param={route.param} />
        ) : null}
      </main>
    </LiveStatusContext.Provider>
  );
}

function CurrentScreen({ screen, param }: { screen: Screen; param: string | null }) {
  switch (screen) {
    case 'runs':
      return <RunHistory runId={param} />;
    case 'inbox':
      return <ErrorInbox />;
    case 'reconcile':
      return <Reconcile />;
    case 'logs':
      return <Logs />;
    case 'settings':
      return <SettingsScreen />;
    case 'mappings':
      return <Mappings />;
    default:
      return <Dashboard />;
  }
}
