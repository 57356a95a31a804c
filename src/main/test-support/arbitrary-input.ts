import fc from 'fast-check';
import type { z } from 'zod';

// Random inputs for API methods, made from their zod schemas: mostly the shape a schema asks for,
// with the edges of each bound and a share of everything else — missing and extra keys, wrong
// types, lone surrogates, numbers past their limits — so that both validation and the handlers
// behind it are exercised.

export interface InputPools {
  /** Real ids and keys of the fixture project, so generated calls reach the handlers' work. */
  ids: readonly string[];
  /** Whole inputs for string fields by name (say `dataBase64`: base64 of real documents). */
  byField?: Readonly<Record<string, readonly string[]>>;
  /** Turns a generated path into one inside a sandbox folder: no test writes outside it. */
  path(name: string): string;
}

/** Fields whose strings are file paths. */
const pathFields = new Set(['path', 'project', 'backup']);

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  checks?: Array<{ _zod: { def: CheckDef } }>;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

/** Any value at all: what a hand-made request could hold. */
/** How many recursive (lazy) schemas the arbitrary being built is inside. */
let lazyDepth = 0;

const anything = fc.oneof(fc.anything(), fc.constantFrom(null, undefined, NaN, Infinity, -0, '', [], {}));

function stringFor(def: Def, field: string, pools: InputPools): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 40;
  const pattern = checks.find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
  const text = (unit: 'binary' | 'grapheme') => fc.string({ unit, minLength: Math.min(min, 40), maxLength: Math.min(max, 40) });
  const choices: Array<fc.WeightedArbitrary<unknown>> = [
    { arbitrary: text('grapheme'), weight: 3 },
    { arbitrary: text('binary'), weight: 1 },
    { arbitrary: fc.constantFrom('', ' ', '\uD800', 'a\uDC00b', 'x'.repeat(Math.min(max + 1, 100_001))), weight: 1 },
  ];
  // fast-check cannot generate for a case-insensitive pattern; strings matching it with the case as written match it too.
  if (pattern) choices.push({ arbitrary: fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace('i', ''))), weight: 5 });
  if (pools.ids.length) choices.push({ arbitrary: fc.constantFrom(...pools.ids), weight: 5 });
  const known = pools.byField?.[field];
  if (known?.length) choices.push({ arbitrary: fc.constantFrom(...known), weight: 8 });
  const value = fc.oneof(...choices);
  return pathFields.has(field) ? value.map((v) => (typeof v === 'string' ? pools.path(v) : v)) : value;
}

function numberFor(def: Def): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const low = checks.find((c) => c.check === 'greater_than')?.value ?? -1000;
  const high = checks.find((c) => c.check === 'less_than')?.value ?? 100_000;
  const integer = checks.some((c) => c.check === 'number_format');
  const within = fc.integer({ min: Math.ceil(low), max: Math.min(Math.floor(high), Math.ceil(low) + 5000) });
  return fc.oneof(
    { arbitrary: within, weight: 8 },
    { arbitrary: fc.constantFrom(low - 1, low, high, high + 1, 0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 0.5, -0, NaN, Infinity), weight: 1 },
    { arbitrary: integer ? fc.double() : fc.integer(), weight: 1 },
  );
}

/** An arbitrary for `schema`'s input; `field` is the key it sits under, which picks pools and marks paths. */
export function arbitraryInput(schema: z.ZodType, pools: InputPools, field = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const shaped = shapedInput(def, pools, field);
  return fc.oneof({ arbitrary: shaped, weight: 19 }, { arbitrary: anything, weight: 1 });
}

function shapedInput(def: Def, pools: InputPools, field: string): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'string':
      return stringFor(def, field, pools);
    case 'number':
      return numberFor(def);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.oneof({ arbitrary: fc.constantFrom(...Object.values(def.entries!)), weight: 5 }, { arbitrary: fc.string(), weight: 1 });
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'optional':
    case 'default':
      return fc.oneof(fc.constant(undefined), arbitraryInput(def.innerType!, pools, field));
    case 'nullable':
      return fc.oneof(fc.constant(null), arbitraryInput(def.innerType!, pools, field));
    case 'array': {
      const checks = checksOf(def);
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      return fc.array(arbitraryInput(def.element!, pools, field), { minLength: Math.min(min, 3), maxLength: Math.max(min, 4) });
    }
    case 'pipe': {
      // z.preprocess pipes unknown input into its schema: generate what that schema takes.
      const from = (def.in!._zod.def as Def).type === 'unknown' ? def.out! : def.in!;
      return arbitraryInput(from, pools, field);
    }
    case 'unknown':
    case 'any':
      return anything;
    case 'lazy': {
      // A recursive schema (a coding query's nested operators) is generated two levels deep, then anything.
      if (lazyDepth >= 2) return anything;
      lazyDepth++;
      try {
        return arbitraryInput(def.getter!(), pools, field);
      } finally {
        lazyDepth--;
      }
    }
    case 'record':
      return fc.dictionary(arbitraryInput(def.keyType!, pools, field) as fc.Arbitrary<string>, arbitraryInput(def.valueType!, pools, field), { maxKeys: 4 });
    case 'union':
      return fc.oneof(...def.options!.map((option) => arbitraryInput(option, pools, field)));
    case 'object': {
      const entries = Object.entries(def.shape!);
      const record = fc.record(Object.fromEntries(entries.map(([key, value]) => [key, arbitraryInput(value, pools, key)])));
      const keys = entries.map(([key]) => key);
      // Now and then (one time in ten) a key goes missing, or one no method takes turns up.
      const seldom = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary, weight: 1 });
      const missing = keys.length ? seldom(fc.constantFrom(...keys)) : fc.constant(null);
      return fc.tuple(record, missing, seldom(fc.tuple(fc.string({ maxLength: 8 }), anything))).map(([object, drop, extra]) => {
        const input: Record<string, unknown> = { ...object };
        if (drop !== null) delete input[drop];
        if (extra) input[extra[0]] = extra[1];
        return input;
      });
    }
    default:
      throw new Error(`arbitraryInput does not know zod's ${def.type} yet: teach it, so every method's input is generated.`);
  }
}
