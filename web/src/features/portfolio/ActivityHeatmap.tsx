import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Heatmap } from '../../api/types';
import { buildHeatmap } from './heatmap';

const CELL = 11;
const GAP = 3;
const STEP = CELL + GAP;
const LEFT = 28;
const TOP = 16;
// Opacity per level on the brand colour; level 0 is an outlined empty square, so "nothing" never depends on hue.
const OPACITY = [1, 0.3, 0.5, 0.75, 1] as const;

/**
 * The last 365 days of judged submissions, GitHub style. Every square carries its date and count as a label (and a
 * tooltip); the active days are also listed as text, so the chart never relies on colour alone.
 */
export function ActivityHeatmap({ heatmap }: { heatmap: Heatmap }) {
  const { t, i18n } = useTranslation();
  const grid = useMemo(() => buildHeatmap(heatmap.from, heatmap.to, heatmap.days), [heatmap]);
  const dayFormat = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' });
  const weekdayFormat = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const label = (date: string) => dayFormat.format(new Date(`${date}T12:00:00Z`));
  const width = LEFT + grid.weeks.length * STEP;
  const height = TOP + 7 * STEP;
  const active = grid.weeks.flat().filter((c) => c !== null && c.count > 0);

  return (
    <figure data-testid="portfolio-heatmap">
      <div className="overflow-x-auto" tabIndex={0} aria-label={t('portfolio.heatmap.scroll')}>
        <svg
          role="group"
          aria-label={t('portfolio.heatmap.label', { total: grid.total, days: grid.activeDays })}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="block text-muted"
        >
          {grid.months
            // A month that starts in the last column has no room for its name.
            .filter((m, i) => i > 0 || grid.months.length === 1 || (grid.months[1]?.week ?? 0) - m.week >= 3)
            .map((m) => (
              <text key={`${m.year}-${m.month}`} x={LEFT + m.week * STEP} y={10} fontSize={9} fill="currentColor" aria-hidden="true">
                {monthFormat.format(new Date(Date.UTC(m.year, m.month, 1)))}
              </text>
            ))}
          {[1, 3, 5].map((weekday) => (
            <text key={weekday} x={0} y={TOP + weekday * STEP + CELL - 2} fontSize={9} fill="currentColor" aria-hidden="true">
              {/* 2023-01-01 was a Sunday. */}
              {weekdayFormat.format(new Date(Date.UTC(2023, 0, 1 + weekday)))}
            </text>
          ))}
          {grid.weeks.map((week, w) =>
            week.map((cell, d) => {
              if (!cell) return null;
              const text = t('portfolio.heatmap.day', { date: label(cell.date), count: cell.count });
              return (
                <rect
                  key={cell.date}
                  role="img"
                  aria-label={text}
                  data-date={cell.date}
                  data-count={cell.count}
                  x={LEFT + w * STEP}
                  y={TOP + d * STEP}
                  width={CELL}
                  height={CELL}
                  rx={2}
                  className={cell.level === 0 ? 'fill-subtle stroke-line' : 'fill-brand'}
                  fillOpacity={OPACITY[cell.level]}
                >
                  <title>{text}</title>
                </rect>
              );
            }),
          )}
        </svg>
      </div>
      <figcaption className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-muted">
        <span>{t('portfolio.heatmap.caption', { total: grid.total, days: grid.activeDays })}</span>
        <span className="flex items-center gap-1" aria-hidden="true">
          {t('portfolio.heatmap.less')}
          {OPACITY.map((opacity, level) => (
            <svg key={level} width={CELL} height={CELL}>
              <rect width={CELL} height={CELL} rx={2} className={level === 0 ? 'fill-subtle stroke-line' : 'fill-brand'} fillOpacity={opacity} />
            </svg>
          ))}
          {t('portfolio.heatmap.more')}
        </span>
      </figcaption>
      {active.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-muted">{t('portfolio.heatmap.list')}</summary>
          <ul className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
            {active.map((cell) => (
              <li key={cell!.date}>{t('portfolio.heatmap.day', { date: label(cell!.date), count: cell!.count })}</li>
            ))}
          </ul>
        </details>
      )}
    </figure>
  );
}
