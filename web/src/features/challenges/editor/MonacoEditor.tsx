import { useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { monaco } from './monaco-setup';
import type { CodeEditorProps } from './CodeEditor';

type StandaloneEditor = Parameters<OnMount>[0];

function useDarkMode(): boolean {
  const [dark, setDark] = useState(() => document.documentElement.classList.contains('dark'));
  useEffect(() => {
    const onChange = () => setDark(document.documentElement.classList.contains('dark'));
    window.addEventListener('compila:theme', onChange);
    return () => window.removeEventListener('compila:theme', onChange);
  }, []);
  return dark;
}

export default function MonacoEditor({ language, value, onChange, highlights, ariaLabel, revealLine, readOnly }: CodeEditorProps) {
  const editorRef = useRef<StandaloneEditor | null>(null);
  const decorations = useRef<ReturnType<StandaloneEditor['createDecorationsCollection']> | null>(null);
  const dark = useDarkMode();

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const model = editor.getModel();
    const lineCount = model?.getLineCount() ?? 0;
    const items = highlights
      .filter((h) => h.line >= 1 && h.line <= lineCount)
      .map((h) => ({
        range: new monaco.Range(h.line, 1, h.line, 1),
        options: {
          isWholeLine: true,
          className: h.severity === 'error' ? 'feedback-line-error' : 'feedback-line',
          glyphMarginClassName: 'feedback-glyph',
          hoverMessage: { value: h.message },
          overviewRuler: { color: '#d97706', position: monaco.editor.OverviewRulerLane.Right },
        },
      }));
    decorations.current?.set(items);
  }, [highlights]);

  useEffect(() => {
    if (revealLine && editorRef.current) {
      editorRef.current.revealLineInCenter(revealLine.line);
      editorRef.current.setPosition({ lineNumber: revealLine.line, column: 1 });
      editorRef.current.focus();
    }
  }, [revealLine]);

  return (
    <Editor
      language={language === 'csharp' ? 'csharp' : language}
      value={value}
      theme={dark ? 'compila-dark' : 'compila-light'}
      onChange={(text) => onChange(text ?? '')}
      onMount={(editor) => {
        editorRef.current = editor;
        decorations.current = editor.createDecorationsCollection([]);
        // Tab stays in the editor for indentation; Ctrl+M (the Monaco default) toggles it to move focus out.
      }}
      loading={null}
      options={{
        ariaLabel,
        readOnly,
        minimap: { enabled: false },
        fontSize: 14,
        glyphMargin: true,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: language === 'go' ? 4 : language === 'python' || language === 'java' || language === 'csharp' ? 4 : 2,
        insertSpaces: language !== 'go',
        wordWrap: 'on',
        padding: { top: 8 },
      }}
    />
  );
}
