/**
 * The sex column as files write it (`M`, `W`, `Men`, `female`, `Girls`, `H` for hommes…)
 * in the one form the events and groups use: `male`, `female`, or `unknown` when the file
 * says nothing. Anything else is kept, lower-cased, so a mixed or para class stays its own
 * group instead of being guessed into one of the two.
 */
export type SexText = string | null | undefined;

const male = new Set(['m', 'male', 'men', 'man', 'mens', 'boys', 'boy', 'h', 'hommes', 'homme', 'herren', 'masculino', 'maschile']);
const female = new Set(['f', 'w', 'female', 'women', 'woman', 'womens', 'girls', 'girl', 'd', 'femmes', 'femme', 'damen', 'frauen', 'femenino', 'femminile']);

export function normaliseSex(text: SexText): string {
  const key = (text ?? '').trim().toLowerCase().replace(/[.'’]/g, '');
  if (key === '') return 'unknown';
  if (male.has(key)) return 'male';
  if (female.has(key)) return 'female';
  return key;
}
