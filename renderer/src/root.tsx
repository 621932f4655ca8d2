import { useEffect, useMemo, useState } from 'react';
import {
  clearToken,
  createHttpBridge,
  createIpcBridge,
  saveToken,
  takeTokenFromLocation,
} from './bridge/index.js';
import type { Bridge } from './bridge/index.js';
import { BridgeContext } from './hooks/bridge-context.js';
import { LoginScreen } from './screens/login.js';
import { Shell } from './shell.js';

interface HttpTarget {
  readonly baseUrl: string;
  readonly token: string;
}

function defaultBaseUrl(): string | null {
  return window.location.protocol.startsWith('http') ? window.location.origin : null;
}

/** Picks the transport: the Electron preload when present, else HTTP with a token (login when missing). */
export function Root() {
  const preload = window.infoplusSync;
  const [target, setTarget] = useState<HttpTarget | null>(() => {
    if (preload) return null;
    const token = takeTokenFromLocation();
    const baseUrl = defaultBaseUrl();
    return token && baseUrl ? { baseUrl, token } : null;
  });
  const [refused, setRefused] = useState(false);

  const bridge = useMemo<Bridge | null>(() => {
    if (preload) return createIpcBridge(preload);
    return target ? createHttpBridge(target.baseUrl, target.token) : null;
  }, [preload, target]);

  useEffect(() => {
    if (!bridge) return;
    const off = bridge.onUnauthorized(() => {
      clearToken();
      setRefused(true);
      setTarget(null);
    });
    return () => {
      off();
      bridge.close();
    };
  }, [bridge]);

  if (!bridge) {
    return (
      <LoginScreen
        refused={refused}
        needsAddress={defaultBaseUrl() === null}
        onLogin={(token, address) => {
          saveToken(token);
          setRefused(false);
          setTarget({ baseUrl: address ?? defaultBaseUrl() ?? '', token });
        }}
      />
    );
  }
  return (
    <BridgeContext.Provider value={bridge}>
      <Shell />
    </BridgeContext.Provider>
  );
}
