/** `gradtex construct --format json`: the report with exact numbers as strings ('1/2') and whole multipliers as strings. */
import type { ConstructReport } from './construct-report.js';

function isRational(v: unknown): v is { n: bigint; d: bigint } {
  return typeof v === 'object' && v !== null && Object.keys(v).length === 2 && typeof (v as { n?: unknown }).n === 'bigint' && typeof (v as { d?: unknown }).d === 'bigint';
}

/** constructJson(report) -> '{"title": …, "status": "proved", …}' */
export function constructJson(r: ConstructReport): string {
  return (
    JSON.stringify(
      r,
      (_key, value: unknown) => {
        if (isRational(value)) return value.d === 1n ? `${value.n}` : `${value.n}/${value.d}`;
        if (typeof value === 'bigint') return value.toString();
        return value;
      },
      2,
    ) + '\n'
  );
}
