/** One day of the public profile's activity calendar. `level` 0 means no activity; 1–4 are quartiles of the busiest day. */
export interface HeatmapCell {
  date: string;
  count: number;
  level: 0 | 1 | 2 | 3 | 4;
}

/** A column of the calendar: Sunday to Saturday. Days outside the range are null so every column has 7 rows. */
export type HeatmapWeek = (HeatmapCell | null)[];

export interface HeatmapGrid {
  weeks: HeatmapWeek[];
  /** The week index where each month first appears, for the labels above the columns. */
  months: { week: number; month: number; year: number }[];
  total: number;
  activeDays: number;
  max: number;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` as a UTC midnight timestamp: calendar days without time zones, so no day is lost or doubled. */
function toTime(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function toDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Buckets a count into 1–4 relative to the busiest day (0 stays 0), so a light and a heavy learner both use the scale. */
export function levelOf(count: number, max: number): HeatmapCell['level'] {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as HeatmapCell['level'];
}

/**
 * Lays out every day from `from` to `to` (inclusive) in weeks starting on Sunday, filling days the server did not
 * list (it lists only active ones) with zero. Counts for days outside the range are ignored; repeated days add up.
 */
export function buildHeatmap(from: string, to: string, days: { date: string; count: number }[]): HeatmapGrid {
  const start = toTime(from);
  const end = toTime(to);
  const counts = new Map<string, number>();
  for (const day of days) {
    const time = toTime(day.date);
    if (time < start || time > end || !(day.count > 0)) continue;
    counts.set(day.date, (counts.get(day.date) ?? 0) + day.count);
  }
  const max = Math.max(0, ...counts.values());
  const weeks: HeatmapWeek[] = [];
  const months: HeatmapGrid['months'] = [];
  const firstWeekday = new Date(start).getUTCDay();
  let week: HeatmapWeek = Array.from({ length: firstWeekday }, () => null);
  let lastMonth = -1;
  for (let time = start; time <= end; time += DAY_MS) {
    const date = toDate(time);
    const count = counts.get(date) ?? 0;
    const when = new Date(time);
    if (when.getUTCMonth() !== lastMonth) {
      lastMonth = when.getUTCMonth();
      months.push({ week: weeks.length, month: lastMonth, year: when.getUTCFullYear() });
    }
    week.push({ date, count, level: levelOf(count, max) });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  let total = 0;
  for (const count of counts.values()) total += count;
  return { weeks, months, total, activeDays: counts.size, max };
}
