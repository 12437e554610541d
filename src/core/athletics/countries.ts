/**
 * Countries: IOC / World Athletics codes (`KEN`, `GDR`, `URS`) and their English names
 * (`Kenya`, `East Germany`, `Soviet Union`) as a sanctions list writes them. The table is
 * written by hand from the codes in the WA toplists and the countries named in the
 * Wikipedia list of doping cases, plus a few neighbours. Historic teams are related to
 * their successors (an athlete listed for URS in 1988 is the RUS athlete of 1994), which
 * matters when a sanction names one and the results the other.
 */

// code|Name;alias;alias — aliases are other spellings a list may use
const table: readonly string[] = [
  'AFG|Afghanistan', 'AHO|Netherlands Antilles', 'AIA|Anguilla', 'ALB|Albania', 'ALG|Algeria',
  'ANA|Authorised Neutral Athletes;Neutral Athletes', 'AND|Andorra', 'ANG|Angola',
  'ANT|Antigua and Barbuda;Antigua', 'ARG|Argentina', 'ARM|Armenia', 'ART|Athlete Refugee Team',
  'ARU|Aruba', 'AUS|Australia', 'AUT|Austria', 'AZE|Azerbaijan', 'BAH|Bahamas;The Bahamas',
  'BAN|Bangladesh', 'BAR|Barbados', 'BDI|Burundi', 'BEL|Belgium', 'BEN|Benin', 'BER|Bermuda',
  'BIH|Bosnia and Herzegovina;Bosnia', 'BIZ|Belize', 'BLR|Belarus', 'BOL|Bolivia', 'BOT|Botswana',
  'BRA|Brazil', 'BRN|Bahrain', 'BRU|Brunei', 'BUL|Bulgaria', 'BUR|Burkina Faso',
  'CAF|Central African Republic', 'CAM|Cambodia', 'CAN|Canada', 'CAY|Cayman Islands',
  'CGO|Congo;Republic of the Congo', 'CHA|Chad', 'CHI|Chile', 'CHN|China;People\'s Republic of China',
  'CIV|Ivory Coast;Côte d\'Ivoire', 'CMR|Cameroon', 'COD|DR Congo;Democratic Republic of the Congo;Zaire',
  'COK|Cook Islands', 'COL|Colombia', 'COM|Comoros', 'CPV|Cape Verde;Cabo Verde', 'CRC|Costa Rica',
  'CRO|Croatia', 'CUB|Cuba', 'CYP|Cyprus', 'CZE|Czech Republic;Czechia', 'DEN|Denmark',
  'DJI|Djibouti', 'DMA|Dominica', 'DOM|Dominican Republic', 'ECU|Ecuador', 'EGY|Egypt',
  'EOR|Refugee Olympic Team', 'ERI|Eritrea', 'ESA|El Salvador', 'ESP|Spain', 'EST|Estonia',
  'ETH|Ethiopia', 'EUN|Unified Team', 'FIJ|Fiji', 'FIN|Finland', 'FRA|France',
  'FRG|West Germany;Federal Republic of Germany', 'GAB|Gabon', 'GAM|Gambia;The Gambia',
  'GBR|Great Britain;United Kingdom;England;Scotland;Wales;Northern Ireland;UK',
  'GBS|Guinea-Bissau', 'GDR|East Germany;German Democratic Republic;DDR', 'GEO|Georgia',
  'GER|Germany', 'GHA|Ghana', 'GIB|Gibraltar', 'GRE|Greece', 'GRN|Grenada', 'GUA|Guatemala',
  'GUI|Guinea', 'GUY|Guyana', 'HAI|Haiti', 'HKG|Hong Kong', 'HON|Honduras', 'HUN|Hungary',
  'INA|Indonesia', 'IND|India', 'IRI|Iran', 'IRL|Ireland', 'IRQ|Iraq', 'ISL|Iceland', 'ISR|Israel',
  'ISV|United States Virgin Islands;US Virgin Islands;U.S. Virgin Islands', 'ITA|Italy',
  'IVB|British Virgin Islands', 'JAM|Jamaica', 'JOR|Jordan', 'JPN|Japan', 'KAZ|Kazakhstan',
  'KEN|Kenya', 'KGZ|Kyrgyzstan', 'KOR|South Korea;Korea;Republic of Korea', 'KOS|Kosovo',
  'KSA|Saudi Arabia', 'KUW|Kuwait', 'LAT|Latvia', 'LBA|Libya', 'LBN|Lebanon', 'LBR|Liberia',
  'LCA|Saint Lucia', 'LES|Lesotho', 'LIE|Liechtenstein', 'LTU|Lithuania', 'LUX|Luxembourg',
  'MAC|Macau', 'MAD|Madagascar', 'MAR|Morocco', 'MAS|Malaysia', 'MAW|Malawi', 'MDA|Moldova',
  'MEX|Mexico', 'MGL|Mongolia', 'MKD|North Macedonia;Macedonia', 'MLI|Mali', 'MLT|Malta',
  'MNE|Montenegro', 'MNT|Montserrat', 'MON|Monaco', 'MOZ|Mozambique', 'MRI|Mauritius',
  'MYA|Myanmar', 'NAM|Namibia', 'NCA|Nicaragua', 'NED|Netherlands;Holland', 'NEP|Nepal',
  'NGR|Nigeria', 'NIG|Niger', 'NOR|Norway', 'NZL|New Zealand', 'OMA|Oman', 'PAK|Pakistan',
  'PAN|Panama', 'PAR|Paraguay', 'PER|Peru', 'PHI|Philippines', 'PLE|Palestine',
  'PNG|Papua New Guinea', 'POL|Poland', 'POR|Portugal', 'PRK|North Korea', 'PUR|Puerto Rico',
  'PYF|French Polynesia', 'QAT|Qatar', 'ROU|Romania', 'RSA|South Africa', 'RUS|Russia',
  'RWA|Rwanda', 'SAM|Samoa', 'SCG|Serbia and Montenegro', 'SEN|Senegal', 'SEY|Seychelles',
  'SGP|Singapore', 'SKN|Saint Kitts and Nevis', 'SLE|Sierra Leone', 'SLO|Slovenia',
  'SMR|San Marino', 'SOL|Solomon Islands', 'SOM|Somalia', 'SRB|Serbia', 'SRI|Sri Lanka',
  'SSD|South Sudan', 'STP|São Tomé and Príncipe', 'SUD|Sudan', 'SUI|Switzerland', 'SUR|Suriname',
  'SVK|Slovakia', 'SWE|Sweden', 'SWZ|Eswatini;Swaziland', 'SYR|Syria', 'TAN|Tanzania',
  'TCH|Czechoslovakia', 'TGA|Tonga', 'THA|Thailand', 'TJK|Tajikistan', 'TKM|Turkmenistan',
  'TKS|Turks and Caicos Islands', 'TOG|Togo', 'TPE|Chinese Taipei;Taiwan', 'TTO|Trinidad and Tobago',
  'TUN|Tunisia', 'TUR|Turkey;Türkiye', 'UAE|United Arab Emirates', 'UGA|Uganda', 'UKR|Ukraine',
  'URS|Soviet Union;USSR', 'URU|Uruguay', 'USA|United States;United States of America;USA;US',
  'UZB|Uzbekistan', 'VAN|Vanuatu', 'VEN|Venezuela', 'VIE|Vietnam', 'VIN|Saint Vincent and the Grenadines',
  'YUG|Yugoslavia', 'ZAM|Zambia', 'ZIM|Zimbabwe',
];

/**
 * Historic teams and the teams that followed them. A successor is related to its
 * predecessors, not to its siblings: UKR is related to URS, not to RUS.
 */
const successions: readonly { before: readonly string[]; after: readonly string[] }[] = [
  { before: ['URS', 'EUN'], after: ['RUS', 'UKR', 'BLR', 'KAZ', 'UZB', 'EST', 'LAT', 'LTU', 'MDA', 'GEO', 'ARM', 'AZE', 'KGZ', 'TJK', 'TKM'] },
  { before: ['ANA'], after: ['RUS', 'BLR'] },
  { before: ['GDR', 'FRG'], after: ['GER'] },
  { before: ['TCH'], after: ['CZE', 'SVK'] },
  { before: ['YUG', 'SCG'], after: ['SRB', 'MNE', 'CRO', 'SLO', 'BIH', 'MKD', 'KOS'] },
];

function nameKey(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z]+/g, ' ').trim();
}

const nameByCode = new Map<string, string>();
const codeByName = new Map<string, string>();
for (const row of table) {
  const [code, names] = row.split('|');
  const [name, ...aliases] = names.split(';');
  nameByCode.set(code, name);
  for (const alias of [name, ...aliases]) codeByName.set(nameKey(alias), code);
}
codeByName.set('ddr', 'GDR');
const namesLongestFirst = [...codeByName.keys()].sort((a, b) => b.length - a.length);

/** The English name of a code (`KEN` → `Kenya`), or null. */
export function countryName(code: string): string | null {
  return nameByCode.get(code.trim().toUpperCase()) ?? null;
}

/** Every code in the table, for generators and pickers. */
export function countryCodes(): string[] {
  return [...nameByCode.keys()];
}

/**
 * The codes named by a country text: a code (`KEN`), a name (`Kenya`), or a messy
 * cell naming several (`Soviet Union Ukraine`, `Great Britain/ England`). Empty when
 * nothing is recognised.
 */
export function countryCodesOf(text: string | null | undefined): string[] {
  if (text === null || text === undefined || text.trim() === '') return [];
  const upper = text.trim().toUpperCase();
  if (nameByCode.has(upper)) return [upper];
  let rest = ` ${nameKey(text)} `;
  const exact = codeByName.get(rest.trim());
  if (exact !== undefined) return [exact];
  const codes: string[] = [];
  for (const name of namesLongestFirst) {
    if (name.length < 3) continue; // `us`, `uk` only as a whole cell
    const at = rest.indexOf(` ${name} `);
    if (at < 0) continue;
    const code = codeByName.get(name) as string;
    if (!codes.includes(code)) codes.push(code);
    rest = `${rest.slice(0, at)} ${rest.slice(at + name.length + 2)}`;
  }
  return codes;
}

/** The code itself and the teams before or after it (`GER` → GDR, FRG; `URS` → RUS, UKR, …). */
export function relatedCountryCodes(code: string): string[] {
  const upper = code.trim().toUpperCase();
  const related = new Set([upper]);
  for (const { before, after } of successions) {
    if (before.includes(upper)) [...before, ...after].forEach((c) => related.add(c));
    else if (after.includes(upper)) before.forEach((c) => related.add(c));
  }
  return [...related];
}
