import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../api/endpoints';
import { formatDateTime } from '../../lib/format';

/** A notification's link, only when it stays in this app (a path, never `//host` or another origin). */
export function notificationHref(link: string | null): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return null;
  return link;
}

/** The header's bell: unread count from `/v1/me/notifications`, the latest ones in a small panel. */
export function NotificationBell({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const location = useLocation();
  const queryClient = useQueryClient();
  const key = queryKeys.notifications(userId);
  const list = useQuery({ queryKey: key, queryFn: endpoints.notifications, refetchInterval: 60_000 });
  const markRead = useMutation({
    mutationFn: () => endpoints.markNotificationsRead(),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  const unread = list.data?.unread ?? 0;

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        ref.current?.querySelector('button')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        className="icon-btn relative"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="notification-bell"
        data-unread={unread}
        onClick={() => {
          setOpen((v) => !v);
          if (!open) void list.refetch();
        }}
      >
        <span className="sr-only">{unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}</span>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 grid min-w-4 place-items-center rounded-full bg-danger px-1 text-[10px] leading-4 font-bold text-white">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="fixed inset-x-2 top-14 z-40 rounded-lg border border-line bg-surface p-2 shadow-lg sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-80"
        data-testid="notifications-panel"
      >
        {/* On phones the panel spans the screen under the header: the bell is not at the right edge there. */}
        <div className="flex items-center justify-between gap-2 px-2 py-1">
          <h2 className="text-sm font-semibold">{t('notifications.title')}</h2>
          {unread > 0 && (
            <button type="button" className="btn-ghost text-xs" disabled={markRead.isPending} onClick={() => markRead.mutate()}>
              {t('notifications.markAll')}
            </button>
          )}
        </div>
        {!list.data || list.data.items.length === 0 ? (
          <p className="px-2 py-3 text-sm text-muted">{t('notifications.empty')}</p>
        ) : (
          <ul className="max-h-96 overflow-y-auto">
            {list.data.items.map((n) => {
              const href = notificationHref(n.link);
              const content = (
                <>
                  <span className="block text-sm font-medium">
                    {!n.readAt && <span className="sr-only">{t('notifications.new')}: </span>}
                    {!n.readAt && <span aria-hidden="true" className="mr-1 inline-block size-2 rounded-full bg-brand" />}
                    {n.title}
                  </span>
                  <span className="block text-xs text-muted">{n.body}</span>
                  <span className="block text-xs text-muted">{formatDateTime(n.createdAt)}</span>
                </>
              );
              return (
                <li key={n.id} data-testid="notification">
                  {href ? (
                    <Link to={href} className="menu-item block">
                      {content}
                    </Link>
                  ) : (
                    <div className="px-3 py-2">{content}</div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
