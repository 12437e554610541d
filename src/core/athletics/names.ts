/**
 * Athlete names in the forms result lists and sanction lists write them: WA's
 * "Given SURNAME" (`Yelena NIKOLAYEVA`, `Hicham EL GUERROUJ`), "Given Surname",
 * "Surname, Given", with or without accents and hyphens (`Kjersti TYSSE-PLÄTZER`,
 * `Kjersti Tysse Platzer`). Two names are the same person's when their keys agree;
 * the order-free key also forgives a list that puts the surname first (`Wang YAN`).
 */

/** Letters NFD does not decompose into a base letter and a mark. */
const foldedLetters: Record<string, string> = {
  ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th', ħ: 'h',
};
const foldable = /[ßøæœđðłıþħ]/g;

/**
 * Lower case, accents removed, `Surname, Given` turned to `given surname`, hyphens and
 * other separators to single spaces, apostrophes and dots dropped (`O'Brien` → `obrien`).
 */
export function normaliseName(name: string): string {
  let text = name.trim();
  const comma = text.indexOf(',');
  if (comma > 0 && text.indexOf(',', comma + 1) < 0) {
    text = `${text.slice(comma + 1)} ${text.slice(0, comma)}`;
  }
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(foldable, (letter) => foldedLetters[letter])
    .replace(/['’`´.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a normalised name. */
export function nameTokens(name: string): string[] {
  const normalised = normaliseName(name);
  return normalised === '' ? [] : normalised.split(' ');
}

/** Key that keeps the word order: `Yelena NIKOLAYEVA` → `yelena nikolayeva`. */
export function orderedNameKey(name: string): string {
  return normaliseName(name);
}

/** Key that ignores the word order: `Wang YAN` and `Yan Wang` → `wang yan`. */
export function orderFreeNameKey(name: string): string {
  return nameTokens(name).sort().join(' ');
}

export interface NameParts {
  given: string;
  surname: string;
}

/**
 * Split a WA-style name: the surname is the run of words in capitals (`Hicham EL
 * GUERROUJ` → given `Hicham`, surname `EL GUERROUJ`). A name without a capitalised run
 * is split at its last word, which is the common "Given Surname" order.
 */
export function splitAthleteName(name: string): NameParts {
  const words = name.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return { given: '', surname: '' };
  const isCapitals = (word: string): boolean =>
    word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
  const first = words.findIndex(isCapitals);
  if (first >= 0 && words.slice(first).every(isCapitals) && words.length > 1) {
    return { given: words.slice(0, first).join(' '), surname: words.slice(first).join(' ') };
  }
  return { given: words.slice(0, -1).join(' '), surname: words[words.length - 1] };
}

/** `Hicham EL GUERROUJ` → `Hicham El Guerrouj` (capitals of a WA surname as a list writes them). */
export function titleCaseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
