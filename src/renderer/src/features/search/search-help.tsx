const rows: Array<[syntax: string, meaning: string]> = [
  ['trade rules', 'either word; passages with both rank higher'],
  ['+trade +rules', 'both words must occur'],
  ['trade -tax', 'trade, but not where tax occurs'],
  ['"digital trade"', 'the words side by side, in this order'],
  ['ship*', 'words starting with ship'],
  ['payment~1', 'payment, or words one letter away'],
  ['customs^3 tax', 'customs counts three times as much'],
  ['title:logistics', 'only in titles (of codes, memos, references); text: only in the text'],
];

/** The query language in one table: lunr's operators plus quoted phrases. */
export function SearchHelp({ onClose }: { onClose(): void }) {
  return (
    <div className="popover search-help" role="dialog" aria-label="Search syntax">
      <div className="popover__header">
        <h2 className="popover__title">Search syntax</h2>
        <button type="button" className="icon-button" aria-label="Close search help" onClick={onClose}>
          ×
        </button>
      </div>
      <table className="search-help__table">
        <tbody>
          {rows.map(([syntax, meaning]) => (
            <tr key={syntax}>
              <td>
                <code>{syntax}</code>
              </td>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Words are matched by their stem (sellers finds seller) and common words such as “the” are ignored.</p>
    </div>
  );
}
