import { describeRate, type InfoplusRateStatus } from '../contract.js';

/** The request rate to Infoplus the agent found by itself (self-contained: give it `status.rate`). */
export function RateBadge({ rate }: { rate: InfoplusRateStatus | null | undefined }) {
  if (!rate) return null;
  return (
    <span className="rate-badge" data-testid="infoplus-rate" title="Requests per second sent to Infoplus">
      Infoplus rate: <strong>{describeRate(rate)}</strong>
    </span>
  );
}
