/**
 * The strata an honest evaluation compares within. Exposure: how many results an athlete has
 * in the lists (sanctioned athletes are often long-career elites, so counting results alone
 * finds them); its deciles put athletes with as many results side by side, athletes with
 * equal counts in one decile. Era: the decade of an athlete's last season (the lists of
 * doping cases are era-bound: few athletes of the 1970s or the 2020s are on them).
 */
import { averageRanks } from '../stats/ranks';
import { mapped } from '../stats/mapped';

export interface Strata {
  /** Code per item, 0..labels.length − 1. */
  code: Int32Array;
  labels: string[];
}

/** Deciles of exposure by average rank, so ties share a decile; empty deciles are dropped. */
export function exposureDeciles(counts: ArrayLike<number>, bins = 10): Strata {
  const n = counts.length;
  const ranks = averageRanks(Float64Array.from(counts as ArrayLike<number>));
  const raw = mapped(Int32Array, ranks, (r) => Math.min(bins - 1, Math.floor((bins * (r - 1)) / Math.max(n, 1))));
  const used = [...new Set(raw)].sort((a, b) => a - b);
  const code = mapped(Int32Array, raw, (b) => used.indexOf(b));
  const labels = used.map((b) => {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) if (raw[i] === b) { lo = Math.min(lo, counts[i]); hi = Math.max(hi, counts[i]); }
    return lo === hi ? `${lo} result${lo === 1 ? '' : 's'}` : `${lo}–${hi} results`;
  });
  return { code, labels };
}

/** Decades of the seasons given (an athlete's last season), before 1970 in one stratum. */
export function eras(seasons: ArrayLike<number>): Strata {
  const decade = (s: number) => (Number.isFinite(s) ? Math.max(1960, Math.floor(s / 10) * 10) : -1);
  const used = [...new Set(Array.from(seasons as ArrayLike<number>, decade))].sort((a, b) => a - b);
  return {
    code: mapped(Int32Array, seasons as ArrayLike<number>, (s) => used.indexOf(decade(s))),
    labels: used.map((d) => (d < 0 ? 'season unknown' : d === 1960 ? 'before 1970' : `${d}s`)),
  };
}

/** Both at once: items side by side only when they share a decile and an era. */
export function crossStrata(a: Strata, b: Strata): Strata {
  const code = new Int32Array(a.code.length);
  const seen = new Map<number, number>();
  const labels: string[] = [];
  for (let i = 0; i < code.length; i++) {
    const key = a.code[i] * b.labels.length + b.code[i];
    if (!seen.has(key)) { seen.set(key, labels.length); labels.push(`${a.labels[a.code[i]]}, ${b.labels[b.code[i]]}`); }
    code[i] = seen.get(key)!;
  }
  return { code, labels };
}
