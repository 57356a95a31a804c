import ReactMarkdown, { type Components } from 'react-markdown';

// Memos are written in Markdown and shown as React elements made by react-markdown: raw HTML
// in a memo is never rendered (skipHtml), images are not loaded, and links open outside the
// app as plain web links only.

const allowedLink = /^(https?:|mailto:)/i;

const components: Components = {
  a: ({ href, children }) =>
    href && allowedLink.test(href) ? (
      <a href={href} target="_blank" rel="noreferrer noopener">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
};

export function Markdown({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ?? 'markdown'}>
      <ReactMarkdown skipHtml disallowedElements={['img']} unwrapDisallowed components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
