import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { endpoints, queryKeys } from '../../api/endpoints';
import type { ShareLink, UserProfile } from '../../api/types';
import { formatDateTime } from '../../lib/format';

/**
 * The recruiter link: who holds it sees a link-only profile. The server shows the token only when it makes it, so a
 * link made earlier can be replaced (the old one stops working) or revoked, never shown again.
 */
export function ShareLinkPanel({ user }: { user: UserProfile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<ShareLink | null>(null);
  const [copied, setCopied] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    void queryClient.invalidateQueries({ queryKey: queryKeys.portfolios });
  };
  const create = useMutation({
    mutationFn: endpoints.createShareLink,
    onSuccess: (created) => {
      setLink(created);
      setCopied(false);
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: endpoints.revokeShareLink,
    onSuccess: () => {
      setLink(null);
      refresh();
    },
  });
  const url = link ? new URL(link.path, window.location.origin).toString() : null;
  const exists = Boolean(link ?? user.shareLinkCreatedAt);
  return (
    <section aria-labelledby="share-title" className="card mt-6 space-y-3 p-6" data-testid="share-link">
      <h2 id="share-title" className="text-lg font-semibold">
        {t('profile.share.title')}
      </h2>
      <p className="text-sm text-muted">{t('profile.share.body')}</p>
      {user.visibility !== 'link' && <p className="text-sm">{t('profile.share.notLinkMode')}</p>}
      {url ? (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="share-url" className="sr-only">
            {t('profile.share.url')}
          </label>
          <input id="share-url" readOnly className="input min-w-0 flex-1 font-mono text-xs" value={url} onFocus={(e) => e.target.select()} />
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(url).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            {t('profile.share.copy')}
          </button>
        </div>
      ) : (
        user.shareLinkCreatedAt && (
          <p className="text-sm">{t('profile.share.existing', { date: formatDateTime(user.shareLinkCreatedAt) })}</p>
        )
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn-secondary" disabled={create.isPending} onClick={() => create.mutate()}>
          {exists ? t('profile.share.replace') : t('profile.share.create')}
        </button>
        {exists && (
          <button type="button" className="btn-danger" disabled={revoke.isPending} onClick={() => revoke.mutate()}>
            {t('profile.share.revoke')}
          </button>
        )}
        <p aria-live="polite" className="text-sm">
          {copied
            ? t('profile.share.copied')
            : create.isError || revoke.isError
              ? t('state.errorBody')
              : revoke.isSuccess && !exists
                ? t('profile.share.revoked')
                : ''}
        </p>
      </div>
    </section>
  );
}
