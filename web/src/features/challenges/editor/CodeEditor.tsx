import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

export interface EditorHighlight {
  line: number;
  message: string;
  severity: string;
}

export interface CodeEditorProps {
  language: string;
  value: string;
  onChange: (value: string) => void;
  highlights: EditorHighlight[];
  ariaLabel: string;
  /** Changes identity each time the editor should jump to a line. */
  revealLine?: { line: number } | null;
  readOnly?: boolean;
}

// Monaco is several megabytes: it loads only when an editor is on screen, never with the first page.
const MonacoEditor = lazy(() => import('./MonacoEditor'));

export function CodeEditor(props: CodeEditorProps) {
  const { t } = useTranslation();
  return (
    <div className="h-full min-h-[320px]" data-testid="code-editor">
      <Suspense
        fallback={
          <div role="status" className="grid h-full min-h-[320px] place-items-center text-sm text-muted">
            {t('editor.loading')}
          </div>
        }
      >
        <MonacoEditor {...props} />
      </Suspense>
    </div>
  );
}
