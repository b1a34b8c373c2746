import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { endpoints, queryKeys } from '../../api/endpoints';
import type { Project } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { usePageTitle } from '../../lib/usePageTitle';
import { useSession } from '../auth/useAuth';
import { stackLabel } from '../challenges/labels';
import { ExportButton } from './ExportButton';
import { move, requestFrom } from './projectOrder';

export default function ProjectsPage() {
  const { t } = useTranslation();
  usePageTitle(t('projects.title'));
  const session = useSession();
  const queryClient = useQueryClient();
  const projects = useQuery({ queryKey: queryKeys.myProjects, queryFn: endpoints.myProjects });
  const [dragging, setDragging] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Project | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Announced once the server has the new order, so "moved" never claims what a failed save undid.
  const movedId = useRef<string | null>(null);
  const changed = (list?: Project[]) => {
    if (list) queryClient.setQueryData(queryKeys.myProjects, list);
    else void queryClient.invalidateQueries({ queryKey: queryKeys.myProjects });
    void queryClient.invalidateQueries({ queryKey: queryKeys.portfolios });
  };
  const reorder = useMutation({
    mutationFn: (ids: string[]) => endpoints.reorderProjects(ids),
    onMutate: (ids) => {
      // Show the new order at once; the server's answer (featured first) replaces it.
      const current = queryClient.getQueryData<Project[]>(queryKeys.myProjects) ?? [];
      queryClient.setQueryData(queryKeys.myProjects, ids.map((id) => current.find((p) => p.id === id)!).filter(Boolean));
      return { current };
    },
    onError: (_error, _ids, context) => {
      if (context) queryClient.setQueryData(queryKeys.myProjects, context.current);
      setAnnouncement(t('projects.reorderFailed'));
    },
    onSuccess: (list, ids) => {
      changed(list);
      const moved = list.find((p) => p.id === movedId.current);
      if (moved) setAnnouncement(t('projects.moved', { title: moved.title, position: ids.indexOf(moved.id) + 1, total: ids.length }));
    },
  });
  const toggleFeatured = useMutation({
    mutationFn: (project: Project) => endpoints.updateProject(project.id, requestFrom(project, { featured: !project.featured })),
    onSuccess: (updated) => {
      setAnnouncement(updated.featured ? t('projects.nowFeatured', { title: updated.title }) : t('projects.notFeatured', { title: updated.title }));
      changed();
    },
  });
  const remove = useMutation({
    mutationFn: (project: Project) => endpoints.deleteProject(project.id),
    onSuccess: (_void, project) => {
      setDeleting(null);
      setAnnouncement(t('projects.deleted', { title: project.title }));
      changed();
    },
  });

  if (projects.isPending) return <Loading />;
  if (projects.isError)
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      </div>
    );
  const list = projects.data;
  const moveTo = (from: number, to: number) => {
    if (to < 0 || to >= list.length || from === to) return;
    const next = move(list, from, to);
    movedId.current = list[from]!.id;
    setAnnouncement('');
    reorder.mutate(next.map((p) => p.id));
  };

  return (
    <section className="mx-auto max-w-3xl px-4 py-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('projects.title')}</h1>
        <div className="flex flex-wrap items-center gap-2">
          {session && (
            <Link className="btn-secondary" to={`/u/${session.user.username}`}>
              {t('projects.viewProfile')}
            </Link>
          )}
          <Link className="btn-primary" to="/portfolio/projects/new">
            {t('projects.new')}
          </Link>
        </div>
      </div>
      <p className="mt-1 text-sm text-muted">{t('projects.subtitle')}</p>
      {session && (
        <div className="mt-4">
          <ExportButton username={session.user.username} />
        </div>
      )}
      <p aria-live="polite" className="sr-only" data-testid="projects-announcement">
        {announcement}
      </p>
      {list.length === 0 ? (
        <div className="mt-6">
          <EmptyState title={t('projects.emptyTitle')}>{t('projects.emptyBody')}</EmptyState>
        </div>
      ) : (
        <ol className="mt-6 space-y-3" data-testid="my-projects">
          {list.map((project, index) => (
            <li
              key={project.id}
              draggable
              data-testid="my-project"
              onDragStart={(e) => {
                setDragging(index);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', project.id);
              }}
              onDragOver={(e) => {
                if (dragging !== null) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragging !== null) moveTo(dragging, index);
                setDragging(null);
              }}
              onDragEnd={() => setDragging(null)}
              className={`card flex flex-wrap items-center gap-3 p-3 ${dragging === index ? 'opacity-50' : ''}`}
            >
              <span aria-hidden="true" className="cursor-grab select-none text-muted" title={t('projects.dragHint')}>
                ⠿
              </span>
              {project.thumbnailUrl ? (
                <img src={project.thumbnailUrl} alt="" className="h-12 w-20 rounded border border-line object-cover" />
              ) : (
                <span aria-hidden="true" className="h-12 w-20 rounded border border-dashed border-line" />
              )}
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 font-semibold">
                  <Link className="link" to={`/portfolio/projects/${project.id}`}>
                    {project.title}
                  </Link>
                  {project.verification && <span className="rounded bg-success/10 px-1.5 py-0.5 text-xs text-success">{t('projects.verified')}</span>}
                  {project.featured && <span className="rounded bg-subtle px-1.5 py-0.5 text-xs">{t('portfolio.projects.featured')}</span>}
                </p>
                <p className="text-xs text-muted">{stackLabel(t, project.stack)}</p>
              </div>
              <div className="flex flex-wrap items-center gap-1">
                <button
                  type="button"
                  className="btn-ghost"
                  disabled={index === 0 || reorder.isPending}
                  aria-label={t('projects.moveUp', { title: project.title })}
                  onClick={() => moveTo(index, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn-ghost"
                  disabled={index === list.length - 1 || reorder.isPending}
                  aria-label={t('projects.moveDown', { title: project.title })}
                  onClick={() => moveTo(index, index + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn-ghost"
                  aria-pressed={project.featured}
                  aria-label={t('projects.featureLabel', { title: project.title })}
                  disabled={toggleFeatured.isPending}
                  onClick={() => toggleFeatured.mutate(project)}
                >
                  <span aria-hidden="true">{project.featured ? '★' : '☆'}</span> {t('projects.feature')}
                </button>
                <button
                  type="button"
                  className="btn-ghost text-danger"
                  aria-label={t('projects.deleteLabel', { title: project.title })}
                  onClick={() => setDeleting(project)}
                >
                  {t('projects.delete')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {list.length > 1 && <p className="mt-3 text-xs text-muted">{t('projects.orderHint')}</p>}
      {deleting && (
        <ConfirmDialog
          title={t('projects.deleteTitle')}
          confirmLabel={t('projects.deleteConfirm')}
          cancelLabel={t('projects.cancel')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate(deleting)}
          onCancel={() => setDeleting(null)}
        >
          {t('projects.deleteBody', { title: deleting.title })}
        </ConfirmDialog>
      )}
    </section>
  );
}
