import { useEffect, useState } from 'react';

/** The screens reachable from the navigation. */
export type Screen = 'dashboard' | 'runs' | 'inbox' | 'reconcile' | 'logs' | 'settings' | 'mappings';

/** The current hash route, e.g. `#/runs/abc` -> { screen: 'runs', param: 'abc' }. */
export interface Route {
  readonly screen: Screen;
  readonly param: string | null;
}

const SCREENS: readonly Screen[] = [
  'dashboard',
  'runs',
  'inbox',
  'reconcile',
  'logs',
  'settings',
  'mappings',
];

/** Parses a location hash into a route; anything unknown is the dashboard. */
export function parseRoute(hash: string): Route {
  const [first, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const screen = SCREENS.find((s) => s === first) ?? 'dashboard';
  const param = rest.length ? decodeURIComponent(rest.join('/')) : null;
  return { screen, param };
}

/** Hash routing: works from file:// in Electron and over HTTP without server routes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** The href of a screen. */
export function href(screen: Screen, param?: string): string {
  return `#/${screen}${param ? `/${encodeURIComponent(param)}` : ''}`;
}
