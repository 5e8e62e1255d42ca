/** Reading fields of replies whose exact names may vary between server versions (camelCase or snake_case). */

type Obj = Record<string, unknown>;

/** The first of `names` present in `o` as a number (also accepts { value } objects). */
export function num(o: unknown, ...names: string[]): number | null {
  if (typeof o !== 'object' || o === null) return null;
  for (const n of names) {
    for (const k of [n, camel(n)]) {
      const v = (o as Obj)[k];
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      if (typeof v === 'object' && v !== null && typeof (v as Obj).value === 'number') return (v as Obj).value as number;
    }
  }
  return null;
}

/** The first of `names` present in `o` as a string. */
export function str(o: unknown, ...names: string[]): string | null {
  if (typeof o !== 'object' || o === null) return null;
  for (const n of names) for (const k of [n, camel(n)]) if (typeof (o as Obj)[k] === 'string') return (o as Obj)[k] as string;
  return null;
}

/** The first of `names` present in `o` as an array. */
export function arr(o: unknown, ...names: string[]): Obj[] {
  if (Array.isArray(o)) return o as Obj[];
  if (typeof o !== 'object' || o === null) return [];
  for (const n of names) for (const k of [n, camel(n)]) if (Array.isArray((o as Obj)[k])) return (o as Obj)[k] as Obj[];
  return [];
}

/** The first of `names` present in `o` as an object. */
export function obj(o: unknown, ...names: string[]): Obj | null {
  if (typeof o !== 'object' || o === null) return null;
  for (const n of names)
    for (const k of [n, camel(n)]) {
      const v = (o as Obj)[k];
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
    }
  return null;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
