import { useState } from 'react';
import { searchLanguageNames, searchLanguages, type SearchLanguage } from '../../../../shared/domain/search-languages';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';

/** The project's search language: which stemmer finds "Marktplatz" in "Marktplätzen". Changing it rebuilds the index. */
export function SearchLanguage() {
  const info = useQuery('project.getInfo', {});
  const [error, setError] = useState<string | null>(null);
  if (!info.data) return null;
  return (
    <div className="search-language">
      <label className="field field--inline">
        <span className="field__label">Search language</span>
        <select
          className="input input--compact"
          aria-label="Search language"
          value={info.data.language}
          onChange={(event) => {
            setError(null);
            mutate('project.setLanguage', { language: event.target.value as SearchLanguage }).catch((err: unknown) => setError(errorMessage(err)));
          }}
        >
          {searchLanguages.map((code) => (
            <option key={code} value={code}>
              {searchLanguageNames[code]}
            </option>
          ))}
        </select>
      </label>
      <InlineError message={error} />
    </div>
  );
}
