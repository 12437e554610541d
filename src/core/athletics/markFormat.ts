/**
 * Marks written back as text, the way result lists print them: the inverse of
 * parseMark for the styles WA uses. Generators and exports use it; a round trip through
 * parseMark gives back the value rounded to the printed precision.
 */

export type MarkStyle =
  /** `10.49`, `8.95`, `72.28`: seconds, metres. */
  | 'decimal'
  /** `1:45.32`; under a minute `59.80`, over an hour `1:26:52.30`. */
  | 'minutes'
  /** `2:03:59` road and walk times, whole seconds. */
  | 'hours'
  /** `8126` points. */
  | 'points';

export interface MarkFormatOptions {
  style: MarkStyle;
  /** Digits after the decimal point for `decimal` and `minutes` (default 2). */
  decimals?: number;
}

/** Plain rounding (not timing's round-up to the next hundredth): a generator has no
 * true time to round, and plain rounding keeps the round trip through parseMark exact. */
export function formatMark(value: number, options: MarkFormatOptions): string {
  const decimals = options.decimals ?? 2;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 3) {
    throw new Error(`invalid decimals: ${decimals}`);
  }
  if (!Number.isFinite(value) || value < 0) throw new Error(`invalid mark value: ${value}`);
  switch (options.style) {
    case 'decimal':
      return value.toFixed(decimals);
    case 'points':
      return String(Math.round(value));
    case 'minutes': {
      const scale = 10 ** decimals;
      const scaled = Math.round(value * scale);
      const minutes = Math.floor(scaled / (60 * scale));
      const seconds = (scaled - minutes * 60 * scale) / scale;
      if (minutes === 0) return seconds.toFixed(decimals);
      const secondsText = seconds.toFixed(decimals).padStart(decimals > 0 ? 3 + decimals : 2, '0');
      if (minutes >= 60) return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${secondsText}`;
      return `${minutes}:${seconds.toFixed(decimals).padStart(decimals > 0 ? 3 + decimals : 2, '0')}`;
    }
    case 'hours': {
      const whole = Math.round(value);
      const hours = Math.floor(whole / 3600);
      const minutes = Math.floor((whole - hours * 3600) / 60);
      const seconds = whole - hours * 3600 - minutes * 60;
      const ss = String(seconds).padStart(2, '0');
      if (hours === 0) return `${minutes}:${ss}`;
      return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
    }
    default:
      throw new Error(`invalid mark style: ${String((options as { style: unknown }).style)}`);
  }
}
