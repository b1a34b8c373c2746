import { useTranslation } from 'react-i18next';
import type { ActivityDay } from '../../api/types';

const CELL = 12;
const GAP = 3;

/** Last 90 days as a grid of weeks (columns) by weekday (rows), like a contribution calendar. Plain SVG. */
export function ActivityChart({ days }: { days: ActivityDay[] }) {
  const { t, i18n } = useTranslation();
  if (days.length === 0) return null;
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const firstWeekday = new Date(`${sorted[0]!.date}T12:00:00Z`).getUTCDay();
  const max = Math.max(1, ...sorted.map((d) => d.submissions));
  const weeks = Math.ceil((sorted.length + firstWeekday) / 7);
  const width = weeks * (CELL + GAP);
  const height = 7 * (CELL + GAP);
  const total = sorted.reduce((sum, d) => sum + d.submissions, 0);
  const passes = sorted.reduce((sum, d) => sum + d.passes, 0);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (
    <figure>
      <div className="overflow-x-auto">
        <svg
          role="img"
          aria-label={t('dashboard.activityLabel', { total, passes, days: sorted.length })}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="block"
          data-testid="activity-chart"
        >
          {sorted.map((day, index) => {
            const slot = index + firstWeekday;
            const intensity = day.submissions === 0 ? 0 : 0.25 + 0.75 * (day.submissions / max);
            return (
              <rect
                key={day.date}
                x={Math.floor(slot / 7) * (CELL + GAP)}
                y={(slot % 7) * (CELL + GAP)}
                width={CELL}
                height={CELL}
                rx={2}
                className={day.submissions === 0 ? 'fill-subtle stroke-line' : 'fill-brand'}
                fillOpacity={day.submissions === 0 ? 1 : intensity}
              >
                <title>
                  {t('dashboard.activityDay', {
                    date: dateFormat.format(new Date(`${day.date}T12:00:00Z`)),
                    count: day.submissions,
                    passes: day.passes,
                  })}
                </title>
              </rect>
            );
          })}
        </svg>
      </div>
      <figcaption className="mt-2 text-xs text-muted">{t('dashboard.activityCaption', { total, passes })}</figcaption>
    </figure>
  );
}
