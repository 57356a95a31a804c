import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { CooccurrenceMode } from '../../../../shared/domain/display/matrix';
import {
  arrangeNetwork,
  isCounted,
  networkNodeKindLabels,
  networkNodeKinds,
  readableLinks,
  type NetworkFilter,
  type NetworkNodeKind,
  type NetworkPositions,
} from '../../../../shared/domain/display/network';
import { edgeColours, edgeWidth, nodeRadius, nodeStyle } from '../../../../shared/domain/display/render';
import { useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { announce } from '../../state/status';

export type NetworkConfig = NetworkFilter & { cooccurrence: CooccurrenceMode };

interface Props {
  config: NetworkConfig;
  /** Positions saved with the display (or kept from before), by node id. */
  layout: NetworkPositions;
  onChange(config: NetworkConfig): void;
  /** The researcher moved nodes: where every node stands now, for saving and exporting. */
  onMoved(positions: NetworkPositions): void;
}

/**
 * A label cut to about 160 pixels, as the old 'ellipsis' style did, but once here: Cytoscape's
 * ellipsis measures the text again for every character it drops, for every node.
 */
const shortLabel = (label: string) => (label.length > maxLabel ? `${label.slice(0, maxLabel - 1).trimEnd()}…` : label);
const maxLabel = 28;

/** The box around nodes at their positions, with room for the label under each. */
function boundsOf(nodes: ReadonlyArray<{ x: number; y: number; r: number }>) {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const { x, y, r } of nodes) {
    box.x1 = Math.min(box.x1, x - Math.max(r, 80));
    box.x2 = Math.max(box.x2, x + Math.max(r, 80));
    box.y1 = Math.min(box.y1, y - r);
    box.y2 = Math.max(box.y2, y + r + 20);
  }
  return box;
}

/** Zooms and pans so that `box` (in model coordinates) fills the view, `padding` pixels in from its edges, as Cytoscape's fit does for elements. */
function fitTo(instance: Core, box: ReturnType<typeof boundsOf>, padding: number) {
  const [width, height] = [instance.width(), instance.height()];
  const [w, h] = [box.x2 - box.x1, box.y2 - box.y1];
  if (!(width > 0 && height > 0 && w > 0 && h > 0)) return;
  const zoom = Math.min(instance.maxZoom(), Math.max(instance.minZoom(), Math.min((width - 2 * padding) / w, (height - 2 * padding) / h)));
  instance.viewport({ zoom, pan: { x: (width - zoom * (box.x1 + box.x2)) / 2, y: (height - zoom * (box.y1 + box.y2)) / 2 } });
}

const shapes = { circle: 'ellipse', diamond: 'diamond', square: 'rectangle', round: 'round-rectangle', hexagon: 'hexagon' } as const;
const step = 40;

/**
 * Themes, codes, cases, claims and conclusions and their links, drawn by Cytoscape.js. Nodes
 * can be dragged, or moved from the keyboard with the node chooser and the arrow buttons; the
 * positions are saved with the display.
 */
export function NetworkPanel({ config, layout, onChange, onMoved }: Props) {
  // The main process applies the filter: a large project's whole network is tens of thousands of links.
  const network = useQuery('display.network', config);
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const [chosen, setChosen] = useState('');
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const shown = network.data ?? null;
  const maxWeight = useMemo(() => (shown ? shown.edges.reduce((most, e) => (isCounted(e) ? Math.max(most, e.weight) : most), 1) : 1), [shown]);
  const labels = useMemo(() => new Map((shown?.nodes ?? []).map((n) => [n.id, n.label])), [shown]);
  const savedLayout = useEffectEvent(() => layout);
  const positionsNow = (instance: Core): NetworkPositions => {
    const out: NetworkPositions = { ...layout };
    instance.nodes().forEach((node) => {
      const p = node.position();
      out[node.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
    });
    return out;
  };
  const moved = useEffectEvent((instance: Core, nodeId?: string) => {
    onMoved(positionsNow(instance));
    if (nodeId && nodeId === chosen) setAt({ ...instance.getElementById(nodeId).position() });
  });

  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({
      container: container.current,
      // Low enough that a network of hundreds of nodes on its rings fits the view whole.
      minZoom: 0.02,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'background-color': 'data(fill)',
            shape: 'data(shape)' as never,
            width: 'data(size)',
            height: 'data(size)',
            'font-size': 11,
            // Labels too small to read at this zoom are not drawn (a network of hundreds of nodes fits the view only zoomed out).
            'min-zoomed-font-size': 6,
            color: '#1b1f24',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'border-width': 1.5,
            'border-color': '#ffffff',
          },
        },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1b1f24' } },
        // Haystack lines are the cheapest edges Cytoscape draws; evidence links stay straight lines, one of them dashed.
        {
          selector: 'edge',
          style: { width: 'data(width)', 'line-color': 'data(colour)', opacity: 0.7, 'curve-style': 'haystack', 'haystack-radius': 0 },
        },
        { selector: 'edge[kind = "supports"], edge[kind = "contradicts"]', style: { 'curve-style': 'straight' } },
        { selector: 'edge[kind = "contradicts"]', style: { 'line-style': 'dashed' } },
      ],
    });
    instance.on('dragfree', 'node', (event) => moved(instance, event.target.id() as string));
    instance.on('select', 'node', (event) => {
      setChosen(event.target.id() as string);
      setAt({ ...(event.target as cytoscape.NodeSingular).position() });
    });
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, []);

  // Redraw the elements when what is shown changes, keeping where nodes already stand.
  useEffect(() => {
    const instance = cy.current;
    if (!instance || !shown) return;
    const current: NetworkPositions = { ...savedLayout() };
    instance.nodes().forEach((node) => {
      current[node.id()] = node.position();
    });
    const placed = arrangeNetwork(shown, current);
    const elements: ElementDefinition[] = [
      ...shown.nodes.map((n) => ({
        group: 'nodes' as const,
        data: {
          id: n.id,
          label: shortLabel(n.label),
          kind: n.kind,
          fill: n.kind === 'code' && n.color ? n.color : nodeStyle[n.kind].fill,
          shape: shapes[nodeStyle[n.kind].shape],
          size: 2 * nodeRadius(n),
        },
        position: { ...placed[n.id]! },
      })),
      ...shown.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target: e.target, kind: e.kind, width: edgeWidth(e.weight), colour: edgeColours[e.kind] ?? '#5b6470' },
      })),
    ];
    instance.batch(() => {
      instance.elements().remove();
      instance.add(elements);
    });
    // Fitted to the nodes as placed: fitting to the elements would lay out every label and link first, to measure them.
    fitTo(instance, boundsOf(shown.nodes.map((n) => ({ ...placed[n.id]!, r: nodeRadius(n) }))), 30);
    // Says when the picture holds what is shown, for tests and the benchmark to wait on.
    const drawn = `${shown.nodes.length}/${shown.edges.length}`;
    instance.one('render', () => container.current?.setAttribute('data-drawn', drawn));
  }, [shown]);

  const arrange = () => {
    const instance = cy.current;
    if (!instance) return;
    instance.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 90 } as cytoscape.LayoutOptions).run();
    instance.fit(undefined, 30);
    onMoved(positionsNow(instance));
    if (chosen) setAt({ ...instance.getElementById(chosen).position() });
    announce('Network arranged');
  };

  const move = (dx: number, dy: number) => {
    const instance = cy.current;
    const node = instance?.getElementById(chosen);
    if (!instance || !node || node.empty()) return;
    const p = node.position();
    node.position({ x: p.x + dx, y: p.y + dy });
    setAt({ ...node.position() });
    onMoved(positionsNow(instance));
  };
  const kinds = new Set(config.kinds);

  return (
    <div className="network-panel">
      <div className="display-toolbar">
        <fieldset className="display-controls">
          <legend className="visually-hidden">What the network shows</legend>
          {networkNodeKinds.map((kind: NetworkNodeKind) => (
            <label key={kind} className="checkbox">
              <input
                type="checkbox"
                checked={kinds.has(kind)}
                onChange={(e) => onChange({ ...config, kinds: networkNodeKinds.filter((k) => (k === kind ? e.target.checked : kinds.has(k))) })}
              />
              {networkNodeKindLabels[kind]}
            </label>
          ))}
          <label className="field field--inline" title="A link’s strength: how often two codes’ codings meet, or how many of a code’s codings a case holds">
            <span className="field__label">Links at least</span>
            <input
              className="input input--compact input--number"
              type="number"
              min={1}
              max={maxWeight}
              value={config.minWeight ?? shown?.minWeight ?? 1}
              onChange={(e) => onChange({ ...config, minWeight: Math.max(1, Math.floor(Number(e.target.value) || 1)) })}
            />
            <span className="muted small">strong</span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={config.minWeight === null} onChange={(e) => onChange({ ...config, minWeight: e.target.checked ? null : (shown?.minWeight ?? 1) })} />
            The strongest {readableLinks} only
          </label>
          {shown && (
            <span className="muted small" role="status">
              {shown.counted.shown.toLocaleString()} of {shown.counted.of.toLocaleString()} links
            </span>
          )}
          <label className="field field--inline">
            <span className="field__label">Codes meet when</span>
            <select className="input input--compact" value={config.cooccurrence} onChange={(e) => onChange({ ...config, cooccurrence: e.target.value as CooccurrenceMode })}>
              <option value="overlap">their codings overlap</option>
              <option value="passage">they are in the same passage</option>
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={config.hideIsolated} onChange={(e) => onChange({ ...config, hideIsolated: e.target.checked })} />
            Hide unlinked
          </label>
        </fieldset>
        <div className="button-row">
          <button type="button" className="button button--small" onClick={arrange}>
            Arrange automatically
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => cy.current?.fit(undefined, 30)}>
            Fit to view
          </button>
        </div>
      </div>
      <InlineError message={network.error} />
      <div
        ref={container}
        className="network-canvas"
        role="img"
        aria-label={shown ? `Network of ${shown.nodes.length} nodes and ${shown.edges.length} links; drag nodes to arrange them, or move them with the controls below` : 'Network loading'}
        data-nodes={shown?.nodes.length ?? 0}
        data-edges={shown?.edges.length ?? 0}
      />
      <div className="network-move" role="group" aria-label="Move a node">
        <label className="field field--inline">
          <span className="field__label">Node</span>
          <select
            className="input input--compact"
            value={chosen}
            onChange={(e) => {
              const id = e.target.value;
              setChosen(id);
              cy.current?.nodes().unselect();
              const node = id ? cy.current?.getElementById(id) : undefined;
              node?.select();
              setAt(node && !node.empty() ? { ...node.position() } : null);
            }}
          >
            <option value="">Choose a node…</option>
            {(shown?.nodes ?? []).map((n) => (
              <option key={n.id} value={n.id}>
                {networkNodeKindLabels[n.kind].replace(/s$/, '')}: {n.label}
              </option>
            ))}
          </select>
        </label>
        {(
          [
            ['Move left', '←', -step, 0],
            ['Move right', '→', step, 0],
            ['Move up', '↑', 0, -step],
            ['Move down', '↓', 0, step],
          ] as const
        ).map(([label, arrow, dx, dy]) => (
          <button key={label} type="button" className="button button--small" aria-label={label} disabled={!at} onClick={() => move(dx, dy)}>
            {arrow}
          </button>
        ))}
        <span className="muted small" aria-live="polite">
          {at ? `At x ${Math.round(at.x)}, y ${Math.round(at.y)}` : ''}
        </span>
      </div>
      {shown && (
        <details className="network-links">
          <summary>The links as a list ({shown.edges.length})</summary>
          <ul>
            {shown.edges.slice(0, 500).map((e) => (
              <li key={e.id}>
                {labels.get(e.source)} — {e.kind}
                {isCounted(e) ? ` ${e.weight}×` : ''} — {labels.get(e.target)}
              </li>
            ))}
          </ul>
          {shown.edges.length > 500 && <p className="muted small">The first 500 of {shown.edges.length}; export as CSV for all.</p>}
        </details>
      )}
    </div>
  );
}
