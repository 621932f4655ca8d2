import { createContext, useContext, useEffect, useRef } from 'react';
import type { AppEventName, AppEvents } from '../contract.js';
import type { Bridge } from '../bridge/index.js';

/** The bridge to the engine for every screen. */
export const BridgeContext = createContext<Bridge | null>(null);

/** The bridge given by the nearest provider. */
export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside BridgeContext');
  return bridge;
}

/** Listens to one engine event while the component is mounted; the listener may change every render. */
export function useEvent<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): void {
  const bridge = useBridge();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => bridge.on(event, (payload) => latest.current(payload)), [bridge, event]);
}
