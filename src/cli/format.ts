/** `0.2148 ± 0.0437` with digits matched to the uncertainty. */
export function plusMinus(m: number, s: number | undefined, unit: string): string {
  if (s === undefined || !Number.isFinite(s)) return `${m.toFixed(4)} ${unit}`;
  const digits = s > 0 ? Math.min(8, Math.max(3, 2 - Math.floor(Math.log10(s)))) : 4;
  return `${m.toFixed(digits)} ± ${s.toFixed(digits)} ${unit}`;
}

export function seconds(s: number): string {
  return s < 1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`;
}

export function unitName(base: number): string {
  return base === 2 ? "bit" : base === 10 ? "dit" : base === Math.E ? "nat" : `log${base}`;
}
