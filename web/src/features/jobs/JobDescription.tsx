import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import rehypeSanitize from 'rehype-sanitize';

// The page's h1 is the job title: the description's headings sit below it.
const JOB_MARKDOWN: Components = {
  h1: ({ children }) => <h2>{children}</h2>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h5>{children}</h5>,
  pre: ({ children }) => <pre tabIndex={0}>{children}</pre>,
  table: ({ children }) => <table tabIndex={0}>{children}</table>,
};

/** A company's Markdown, rendered like challenge descriptions: GFM, sanitized, no raw HTML. */
export function JobDescription({ markdown }: { markdown: string }) {
  return (
    <div className="prose-compila" data-testid="job-description">
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={JOB_MARKDOWN}>
        {markdown}
      </Markdown>
    </div>
  );
}
