// One declared layer order per process, in the style of VS Code's layering rules: a file may
// import from its own layer or a lower one, never a higher one, and some folders hold
// siblings that must not import each other. ESLint reports every import that breaks this.
import { dirname, relative, resolve } from 'node:path';

/** Lower layers first. Paths are folders (ending in /) or files, relative to the repository. */
export const layers = {
  main: [
    ['src/shared/'],
    ['src/main/services/'],
    ['src/main/areas/'],
    ['src/main/app/'],
    ['src/main/transports/'],
    ['src/main/index.ts', 'src/main/cli.ts', 'src/main/serve.ts'],
  ],
  renderer: [
    ['src/shared/'],
    ['src/renderer/src/api/', 'src/renderer/src/lib/', 'src/renderer/src/state/'],
    ['src/renderer/src/components/'],
    ['src/renderer/src/features/'],
    ['src/renderer/src/app/', 'src/renderer/src/main.tsx'],
  ],
};

/** Folders whose children are independent: one feature never imports another; one area never imports another's handlers. */
const siblings = [
  { parent: 'src/renderer/src/features/', why: 'Features do not import each other: share through state/, lib/ or components/, or compose them in app/.' },
  {
    parent: 'src/main/areas/',
    only: (path) => /\/handlers\.ts$/.test(path),
    allowed: ['src/main/app/handlers.ts'],
    why: 'A handler never imports another area’s handlers: move the shared operation into a module of its own.',
  },
];

/** Tests and their helpers wire layers together on purpose. */
const exempt = (file) => /\.test\.tsx?$/.test(file) || file.includes('/test-support/');

const under = (path, entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry || path.replace(/\.tsx?$/, '') === entry.replace(/\.tsx?$/, ''));

function layerOf(path, order) {
  return order.findIndex((layer) => layer.some((entry) => under(path, entry)));
}

const childOf = (path, parent) => (path.startsWith(parent) ? path.slice(parent.length).split('/')[0] : null);

export const layersPlugin = {
  rules: {
    layers: {
      meta: { type: 'problem', schema: [], messages: { upward: '{{from}} may not import {{to}}: {{why}}' } },
      create(context) {
        const root = context.cwd;
        const file = relative(root, context.filename).replaceAll('\\', '/');
        if (exempt(file)) return {};
        const order = file.startsWith('src/renderer/') ? layers.renderer : layers.main;
        const own = layerOf(file, order);
        const check = (node) => {
          const source = node.source?.value;
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = relative(root, resolve(dirname(context.filename), source)).replaceAll('\\', '/');
          const report = (why) => context.report({ node, messageId: 'upward', data: { from: file, to: target, why } });
          const theirs = layerOf(target, order);
          if (own >= 0 && theirs > own) {
            return report(`layers go ${order.map((l) => l.map((e) => e.replace(/^src\//, '')).join(' ')).join(' ← ')}, and a lower layer never imports a higher one.`);
          }
          for (const rule of siblings) {
            const mine = childOf(file, rule.parent);
            const other = childOf(target, rule.parent);
            if (other === null || mine === other || rule.allowed?.includes(file)) continue;
            if (rule.only && !rule.only(`${target}.ts`.replace(/\.ts\.ts$/, '.ts'))) continue;
            if (mine !== null || rule.only) return report(rule.why);
          }
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
      },
    },
  },
};
