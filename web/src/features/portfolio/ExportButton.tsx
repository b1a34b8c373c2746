import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { isApiError } from '../../api/problem';

/** Downloads the owner's PDF CV (`POST /v1/portfolio/export`), made on the server from the same facts as the page. */
export function ExportButton({ username }: { username: string }) {
  const { t } = useTranslation();
  const exportCv = useMutation({
    mutationFn: endpoints.exportCv,
    onSuccess: ({ blob, fileName }) => {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName ?? `curriculo-${username}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      // Give the download a moment to start before the bytes go away.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  const error = exportCv.error;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" className="btn-secondary" disabled={exportCv.isPending} onClick={() => exportCv.mutate()}>
        {exportCv.isPending ? t('portfolio.export.working') : t('portfolio.export.button')}
      </button>
      <span aria-live="polite" className="text-sm">
        {exportCv.isSuccess
          ? t('portfolio.export.done')
          : error
            ? isApiError(error) && error.status === 429
              ? t('portfolio.export.tooMany')
              : t('portfolio.export.failed')
            : ''}
      </span>
    </span>
  );
}
