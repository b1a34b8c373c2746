import { describe, expect, it } from 'vitest';
import { buildHeatmap, levelOf } from './heatmap';

describe('buildHeatmap', () => {
  it('lays out all 365 days of the year in Sunday-first weeks, filling quiet days with zero', () => {
    // 2025-12-04 is a Thursday; the server sends the last 365 days, today included.
    const grid = buildHeatmap('2024-12-05', '2025-12-04', [{ date: '2025-06-01', count: 3 }]);
    const cells = grid.weeks.flat().filter((c) => c !== null);
    expect(cells).toHaveLength(365);
    expect(cells[0]!.date).toBe('2024-12-05');
    expect(cells.at(-1)!.date).toBe('2025-12-04');
    expect(grid.weeks.every((w) => w.length === 7)).toBe(true);
    // 2024-12-05 is a Thursday: Sunday to Wednesday of the first week are outside the range.
    expect(grid.weeks[0]!.slice(0, 4)).toEqual([null, null, null, null]);
    expect(grid.weeks[0]![4]!.date).toBe('2024-12-05');
    expect(cells.filter((c) => c.count > 0)).toEqual([{ date: '2025-06-01', count: 3, level: 4 }]);
    expect(grid.total).toBe(3);
    expect(grid.activeDays).toBe(1);
  });

  it('keeps each day on its calendar date across daylight-saving and leap days', () => {
    const grid = buildHeatmap('2024-02-27', '2024-03-02', [{ date: '2024-02-29', count: 1 }]);
    const dates = grid.weeks.flat().filter((c) => c !== null).map((c) => c.date);
    expect(dates).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02']);
  });

  it('ignores days outside the range and adds up repeated ones', () => {
    const grid = buildHeatmap('2025-01-01', '2025-01-07', [
      { date: '2024-12-31', count: 9 },
      { date: '2025-01-02', count: 1 },
      { date: '2025-01-02', count: 2 },
      { date: '2025-01-08', count: 9 },
    ]);
    expect(grid.total).toBe(3);
    expect(grid.max).toBe(3);
    expect(grid.weeks.flat().find((c) => c?.date === '2025-01-02')?.count).toBe(3);
  });

  it('marks where each month starts for the column labels', () => {
    const grid = buildHeatmap('2025-01-26', '2025-02-10', []);
    expect(grid.months.map((m) => [m.month, m.week])).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(grid.total).toBe(0);
    expect(grid.weeks.flat().every((c) => c === null || c.level === 0)).toBe(true);
  });
});

describe('levelOf', () => {
  it('buckets counts into four steps of the busiest day', () => {
    expect([0, 1, 2, 3, 4, 5, 8].map((n) => levelOf(n, 8))).toEqual([0, 1, 1, 2, 2, 3, 4]);
    expect(levelOf(1, 1)).toBe(4);
    expect(levelOf(0, 0)).toBe(0);
  });
});
