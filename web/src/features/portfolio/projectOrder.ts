import type { Project, ProjectRequest } from '../../api/types';

/** `ids` with the item at `from` moved to `to` (clamped), for drag-and-drop and the move up/down buttons alike. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item!);
  return next;
}

/** A PUT body that keeps every editable field of `project` as it is, with `changes` applied (PUT replaces them all). */
export function requestFrom(project: Project, changes: Partial<ProjectRequest> = {}): ProjectRequest {
  return {
    title: project.title,
    slug: project.slug,
    shortDescription: project.shortDescription,
    longDescription: project.longDescription,
    stack: project.stack,
    technologies: [...project.technologies],
    demoUrl: project.demoUrl,
    repoUrl: project.repoUrl,
    featured: project.featured,
    showCode: project.showCode,
    ...changes,
  };
}

/** "React, Node.js , ,SQL" → ["React", "Node.js", "SQL"]: trimmed, no blanks, no repeats (case-insensitive). */
export function parseTechnologies(text: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const part of text.split(',')) {
    const value = part.trim();
    if (!value || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    result.push(value);
  }
  return result;
}
