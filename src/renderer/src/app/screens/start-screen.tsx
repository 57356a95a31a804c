import { useEffect, useRef, useState } from 'react';
import { errorMessage, useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { NewProjectForm } from '../../features/projects/new-project-form';
import { OpenProjectForm } from '../../features/projects/open-project-form';
import { ProjectProblem, projectIssue } from '../../features/projects/project-problem';
import { openSampleProject } from '../../features/projects/project-actions';
import { RecentProjectList } from '../../features/projects/recent-projects';
import '../../features/projects/projects.css';

export type StartFocus = 'new' | 'open' | null;

/**
 * Where projects are made, opened and found again: shown when no project is open, and on
 * request over the open one (whose views stay as they were beneath it).
 */
export function StartScreen({ focus, onClose }: { focus: StartFocus; onClose: (() => void) | null }) {
  const places = useQuery('project.getAccess', {});
  const recent = useQuery('project.listRecent', {});
  // Asked with no project open too: a project Quarry would not open at launch (a damaged one) says why here.
  const info = useQuery('project.getInfo', {});
  const [sampleError, setSampleError] = useState<string | null>(null);
  const [openingSample, setOpeningSample] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const pathInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus goes where the command asked, once the forms are there.
  const ready = Boolean(places.data && recent.data);
  useEffect(() => {
    if (!ready) return;
    if (focus === 'new') nameInput.current?.focus();
    else if (focus === 'open') pathInput.current?.focus();
    else heading.current?.focus();
  }, [focus, ready]);

  return (
    <main className="start-screen" aria-labelledby="start-title" onKeyDown={(event) => event.key === 'Escape' && onClose?.()}>
      <div className="start-screen__inner">
        <header className="start-screen__header">
          <h1 id="start-title" ref={heading} tabIndex={-1}>
            Projects
          </h1>
          {onClose && info.data && (
            <button type="button" className="button" onClick={onClose}>
              Back to {info.data.name}
            </button>
          )}
        </header>
        {info.error && !recent.data?.openPath && projectIssue(info.failure) && <ProjectProblem message={info.error} failure={info.failure} />}
        <InlineError message={places.error ?? recent.error} />
        {places.data && recent.data && (
          <div className="start-screen__grid">
            <section className="start-card" aria-labelledby="start-new">
              <h2 id="start-new">New project</h2>
              <p className="muted small">A project is one file: your sources, codes, memos and conclusions, on this computer.</p>
              <NewProjectForm places={places.data} recentFolders={recent.data.folders} nameInput={nameInput} />
            </section>
            <section className="start-card" aria-labelledby="start-open">
              <h2 id="start-open">Open a project</h2>
              <OpenProjectForm places={places.data} recent={recent.data} pathInput={pathInput} />
            </section>
            <section className="start-card start-card--wide" aria-labelledby="start-recent">
              <h2 id="start-recent">Recent projects</h2>
              <RecentProjectList recent={recent.data} />
            </section>
            <section className="start-card" aria-labelledby="start-sample">
              <h2 id="start-sample">Sample project</h2>
              <p className="muted small">A short paper, two interviews and field notes, already coded: a tour of the four stages.</p>
              <div className="button-row">
                <button
                  type="button"
                  className="button"
                  disabled={openingSample}
                  onClick={() => {
                    setSampleError(null);
                    setOpeningSample(true);
                    openSampleProject(heading.current)
                      .catch((err: unknown) => setSampleError(errorMessage(err)))
                      .finally(() => setOpeningSample(false));
                  }}
                >
                  {openingSample ? 'Opening the sample project…' : 'Open the sample project'}
                </button>
              </div>
              <InlineError message={sampleError} />
            </section>
          </div>
        )}
      </div>
    </main>
  );
}
