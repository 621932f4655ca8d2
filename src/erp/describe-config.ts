import { parseSqlServerTarget } from './sqlserver-config.js';
import { sqlitePath } from './sqlite-path.js';
import type { ErpConfig } from './types.js';

/** A URL with its password removed, for logs and messages. Unparseable text is reduced to its scheme. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    for (const key of [...u.searchParams.keys()]) {
      if (/pass|pwd|secret|token/i.test(key)) u.searchParams.set(key, '***');
    }
    // JDBC-style `;password=...` properties are not URL parts: remove them as text
    return u.toString().replace(/((?:^|[;?&])(?:password|pwd)=)[^;&]*/gi, '$1***');
  } catch {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
    return scheme ? `${scheme}://(unparseable url)` : '(unparseable url)';
  }
}

/** One line describing where a config points, safe for logs: never the password. */
export function describeErpConfig(config: ErpConfig): string {
  switch (config.driver) {
    case 'sqlite':
      return `sqlite ${sqlitePath(config.url)}`;
    case 'postgres':
    case 'mysql':
      return `${config.driver} ${safeUrl(config.url)}`;
    case 'sqlserver': {
      try {
        const t = parseSqlServerTarget(config);
        const where =
          t.instance !== undefined && t.port === undefined
            ? `${t.server}\\${t.instance}`
            : `${t.server}:${t.port ?? 1433}`;
        const who =
          t.authType === 'ntlm'
            ? `${t.domain ?? '?'}\\${t.user ?? '?'} (windows)`
            : `${t.user ?? '?'} (sql login)`;
        return `sqlserver ${where} database=${t.database ?? '(default)'} user=${who} encrypt=${t.encrypt} trustServerCertificate=${t.trustServerCertificate}`;
      } catch {
        return `sqlserver ${config.url !== undefined ? safeUrl(config.url) : (config.server ?? '?')}`;
      }
    }
  }
}
