import type { VendorNumberEntry } from '../contract.js';
import { ErrorNote, Spinner } from './common.js';
import { useBridge } from '../hooks/bridge-context.js';
import { useLoad } from '../hooks/use-async.js';

/** Read-only: the vendorNo each non-integer ERP vendor code was given (resolve: vendorNumber). */
export function VendorNumbers() {
  const bridge = useBridge();
  const loaded = useLoad<readonly VendorNumberEntry[]>(() => bridge.listVendorNumbers({}), [bridge]);
  const rows = loaded.data ?? [];
  return (
    <section aria-labelledby="vendor-numbers-title" className="card">
      <h2 id="vendor-numbers-title">Vendor numbers</h2>
      <p className="muted small">
        Infoplus vendor numbers are whole numbers. ERP vendor codes that are not get a number once, kept for
        good in this agent&apos;s data folder and never given to another code.
      </p>
      {loaded.loading && !loaded.data ? <Spinner label="Loading vendor numbers…" /> : null}
      <ErrorNote error={loaded.error} />
      {loaded.data && rows.length === 0 ? (
        <p className="muted">No vendor code has needed a number yet.</p>
      ) : null}
      {rows.length > 0 ? (
        <table aria-label="Vendor numbers">
          <thead>
            <tr>
              <th scope="col">ERP vendor code</th>
              <th scope="col">Infoplus vendorNo</th>
              <th scope="col">Given</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.number}>
                <td>
                  <code>{r.erpCode}</code>
                </td>
                <td>{r.number}</td>
                <td>{new Date(r.assignedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
