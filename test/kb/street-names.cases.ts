/**
 * Street names, slang, brands and misspellings people type, with the record they mean (issue 14 §2).
 * `exact`: the name is recorded, so resolution must return `id` without guessing.
 * `typo`: a misspelling; resolution refuses (unknown name) but the first search hit and first suggestion are `id`.
 * `candidates`: several records fit; resolution refuses and names every one of `ids` among its suggestions.
 * `unknown`: no record fits; resolution refuses with suggestions and the search never offers `never`.
 */
export type StreetCase =
  | { q: string; kind: 'exact'; id: string }
  | { q: string; kind: 'typo'; id: string }
  | { q: string; kind: 'candidates'; ids: string[] }
  | { q: string; kind: 'unknown'; never?: string[] };

export const STREET_CASES: StreetCase[] = [
  // The measured defects (issue 14).
  { q: 'spice', kind: 'exact', id: 'synthetic-cannabinoid' },
  { q: 'k2', kind: 'exact', id: 'synthetic-cannabinoid' },
  { q: 'K2', kind: 'exact', id: 'synthetic-cannabinoid' },
  { q: 'lean', kind: 'exact', id: 'lean' },
  { q: 'tranq', kind: 'exact', id: 'xylazine' },
  { q: 'bromazolam', kind: 'exact', id: 'bromazolam' },
  { q: 'xylazine', kind: 'exact', id: 'xylazine' },
  { q: 'nitazenes', kind: 'exact', id: 'nitazene' },
  { q: 'etizolam', kind: 'exact', id: 'etizolam' },
  { q: 'tianeptine', kind: 'exact', id: 'tianeptine' },
  { q: 'poppers', kind: 'exact', id: 'alkyl-nitrite' },
  // New records and their names.
  { q: 'purple drank', kind: 'exact', id: 'lean' },
  { q: 'sizzurp', kind: 'exact', id: 'lean' },
  { q: 'tranq dope', kind: 'exact', id: 'xylazine' },
  { q: 'nitazene', kind: 'exact', id: 'nitazene' },
  { q: 'isotonitazene', kind: 'exact', id: 'isotonitazene' },
  { q: 'iso', kind: 'exact', id: 'isotonitazene' },
  { q: 'metonitazene', kind: 'exact', id: 'metonitazene' },
  { q: 'protonitazene', kind: 'exact', id: 'protonitazene' },
  { q: 'flualprazolam', kind: 'exact', id: 'flualprazolam' },
  { q: 'clonazolam', kind: 'exact', id: 'clonazolam' },
  { q: 'flubromazolam', kind: 'exact', id: 'flubromazolam' },
  { q: 'designer benzos', kind: 'exact', id: 'designer-benzodiazepine' },
  { q: 'gas station heroin', kind: 'exact', id: 'tianeptine' },
  { q: 'amyl nitrite', kind: 'exact', id: 'amyl-nitrite' },
  { q: 'isobutyl nitrite', kind: 'exact', id: 'isobutyl-nitrite' },
  { q: 'GBL', kind: 'exact', id: 'gbl' },
  { q: '2C-B', kind: 'exact', id: '2c-b' },
  { q: '2cb', kind: 'exact', id: '2c-b' },
  { q: 'DMT', kind: 'exact', id: 'dmt' },
  { q: 'mescaline', kind: 'exact', id: 'mescaline' },
  { q: 'HHC', kind: 'exact', id: 'hhc' },
  { q: 'MXE', kind: 'exact', id: 'methoxetamine' },
  { q: 'methylone', kind: 'exact', id: 'methylone' },
  { q: 'flakka', kind: 'exact', id: 'alpha-pvp' },
  { q: 'alpha-PVP', kind: 'exact', id: 'alpha-pvp' },
  { q: 'Opana', kind: 'exact', id: 'oxymorphone' },
  { q: 'Dilaudid', kind: 'exact', id: 'hydromorphone' },
  { q: 'carfentanil', kind: 'exact', id: 'carfentanil' },
  // Slang and brands for records that already existed.
  { q: 'percs', kind: 'exact', id: 'oxycodone' },
  { q: 'Percocet', kind: 'exact', id: 'oxycodone' },
  { q: 'oxy', kind: 'exact', id: 'oxycodone' },
  { q: 'bars', kind: 'exact', id: 'alprazolam' },
  { q: 'xanax', kind: 'exact', id: 'alprazolam' },
  { q: 'gabbies', kind: 'exact', id: 'gabapentin' },
  { q: 'somas', kind: 'exact', id: 'carisoprodol' },
  { q: 'special k', kind: 'exact', id: 'ketamine' },
  { q: 'molly', kind: 'exact', id: 'mdma' },
  { q: 'G', kind: 'exact', id: 'ghb' },
  { q: 'whippets', kind: 'exact', id: 'nitrous-oxide' },
  { q: 'laughing gas', kind: 'exact', id: 'nitrous-oxide' },
  { q: 'delta 8', kind: 'exact', id: 'delta-8-thc' },
  { q: 'phenibut', kind: 'exact', id: 'phenibut' },
  { q: 'kava', kind: 'exact', id: 'kava' },
  { q: '7-OH', kind: 'exact', id: '7-oh-product' },
  { q: 'ice', kind: 'exact', id: 'methamphetamine' },
  { q: 'weed', kind: 'exact', id: 'cannabis' },
  { q: 'ketum', kind: 'exact', id: 'kratom' },
  { q: 'codeine', kind: 'exact', id: 'codeine' },
  { q: 'promethazine', kind: 'exact', id: 'promethazine' },
  { q: 'roxy', kind: 'exact', id: 'oxycodone' },
  { q: 'vikes', kind: 'exact', id: 'hydrocodone' },
  { q: 'addy', kind: 'exact', id: 'amphetamine' },
  { q: 'zannies', kind: 'exact', id: 'alprazolam' },
  { q: 'Stablon', kind: 'exact', id: 'tianeptine' },
  { q: 'Tianaa', kind: 'exact', id: 'tianeptine' },
  { q: 'nexus', kind: 'exact', id: '2c-b' },
  { q: 'bath salts', kind: 'exact', id: 'synthetic-cathinone' },
  { q: 'mesc', kind: 'exact', id: 'mescaline' },
  { q: '7oh', kind: 'exact', id: '7-oh-product' },
  { q: 'gamma-butyrolactone', kind: 'exact', id: 'gbl' },
  { q: 'hexahydrocannabinol', kind: 'exact', id: 'hhc' },
  { q: 'Mexxy', kind: 'exact', id: 'methoxetamine' },
  { q: 'α-PVP', kind: 'exact', id: 'alpha-pvp' },
  // Misspellings.
  { q: 'xylazene', kind: 'typo', id: 'xylazine' },
  { q: 'etizolan', kind: 'typo', id: 'etizolam' },
  { q: 'tianeptin', kind: 'typo', id: 'tianeptine' },
  { q: 'bromazolm', kind: 'typo', id: 'bromazolam' },
  { q: 'isotonitazine', kind: 'typo', id: 'isotonitazene' },
  { q: 'trank', kind: 'typo', id: 'xylazine' },
  { q: 'zanax', kind: 'typo', id: 'alprazolam' },
  { q: 'adderal', kind: 'typo', id: 'amphetamine' },
  { q: 'klonopine', kind: 'typo', id: 'clonazepam' },
  { q: 'gabapentine', kind: 'typo', id: 'gabapentin' },
  { q: 'oxycodon', kind: 'typo', id: 'oxycodone' },
  { q: 'ketamin', kind: 'typo', id: 'ketamine' },
  { q: 'carisoprodal', kind: 'typo', id: 'carisoprodol' },
  { q: 'kratomm', kind: 'typo', id: 'kratom' },
  // Several records fit: offer them all, pick none.
  { q: 'nitrite', kind: 'candidates', ids: ['amyl-nitrite', 'isobutyl-nitrite'] },
  // 'Blues' is recorded for both oxycodone (DEA fake-pill fact sheet) and diazepam (Valium): unrelated drugs.
  { q: 'blues', kind: 'candidates', ids: ['diazepam', 'oxycodone'] },
  // Not a known name: suggestions, never a confident wrong drug.
  { q: 'k3', kind: 'unknown', never: ['ketamine', 'synthetic-cannabinoid'] },
  { q: 'spicy', kind: 'unknown', never: ['methamphetamine'] },
  { q: 'blorptazine', kind: 'unknown' },
  { q: 'xq', kind: 'unknown' },
  // One letter from Xanax's 'bars', but slang under five letters never takes typos.
  { q: 'barbs', kind: 'unknown', never: ['alprazolam'] },
];
