import { RuleTester } from 'eslint';
import { join } from 'node:path';
import { describe, it } from 'vitest';
// @ts-expect-error -- a plain JavaScript module read by ESLint's config
import { layersPlugin } from './layers.js';

RuleTester.describe = describe;
RuleTester.it = it;

const file = (path: string) => join(process.cwd(), path);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('quarry/layers', layersPlugin.rules.layers, {
  valid: [
    { filename: file('src/renderer/src/features/reader/reader.tsx'), code: "import { useWorkspace } from '../../state/workspace';" },
    { filename: file('src/renderer/src/features/reader/reader.tsx'), code: "import { x } from './coding-actions';" },
    { filename: file('src/renderer/src/app/screens/reduce-screen.tsx'), code: "import { Reader } from '../../features/reader/reader';" },
    { filename: file('src/main/areas/search/handlers.ts'), code: "import { applyCoding } from '../codings/apply-coding';" },
    { filename: file('src/main/app/handlers.ts'), code: "import { codesHandlers } from '../areas/codes/handlers';" },
    { filename: file('src/main/areas/codes/handlers.test.ts'), code: "import { dispatch } from '../../app/dispatch';" },
  ],
  invalid: [
    { filename: file('src/renderer/src/features/audit/audit-view.tsx'), code: "import { x } from '../search/search-box';", errors: 1 },
    { filename: file('src/renderer/src/components/x.tsx'), code: "import { x } from '../features/reader/reader';", errors: 1 },
    { filename: file('src/renderer/src/state/workspace.tsx'), code: "import { views } from '../app/views';", errors: 1 },
    { filename: file('src/main/services/search/search-service.ts'), code: "import { dispatch } from '../../app/dispatch';", errors: 1 },
    { filename: file('src/main/areas/codes/repository.ts'), code: "export { handlers } from '../../app/handlers';", errors: 1 },
    { filename: file('src/main/areas/search/handlers.ts'), code: "import { codingsHandlers } from '../codings/handlers';", errors: 1 },
    { filename: file('src/shared/domain/model.ts'), code: "import { x } from '../../main/app/context';", errors: 1 },
  ],
});
