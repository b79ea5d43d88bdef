/**
 * The English words the claim grammar reads, by role. Names of substances, targets, effects and places come
 * from the KB (entities.ts); this file holds only the language: verbs, cue words and the everyday names of
 * classes and effects. A second language is a second lexicon of the same shape.
 */
import { registerKnown } from './lemma.js';

/** Relation verbs (base forms) → the predicate they assert. */
export const RELATION_CUES: Record<string, string> = {
  inhibit: 'inhibit', inhibitor: 'inhibit', inhibition: 'inhibit', inhibitory: 'inhibit', suppress: 'inhibit',
  induce: 'induce', inducer: 'induce', induction: 'induce', upregulate: 'induce',
  metabolize: 'substrate', metabolism: 'substrate', substrate: 'substrate', process: 'substrate', clear: 'substrate',
  degrade: 'substrate', glucuronidate: 'substrate', oxidize: 'substrate', metabolite: 'substrate',
  activate: 'activate', agonist: 'activate', stimulate: 'activate', agonism: 'activate',
  block: 'block', antagonist: 'block', antagonize: 'block', blocker: 'block', antagonism: 'block',
  bind: 'bind', ligand: 'bind', affinity: 'bind',
  act: 'act', work: 'act', hit: 'act', target: 'act', affect: 'act', modulate: 'act', engage: 'act', interact: 'act',
  mess: 'act', touch: 'act', use: 'act',
};

/** Exposure verbs: direction +1 (raises), -1 (lowers). Multipliers for "doubles", "halves". */
export const EXPOSURE_UP = new Set(['skyrocket', 'jack', 'pump', 'rise', 'raise', 'increase', 'boost', 'elevate', 'double', 'triple', 'quadruple', 'strong', 'potentiate', 'spike', 'high', 'amplify', 'enhance', 'intensify', 'multiply', 'up', 'prolong', 'longer']);
export const EXPOSURE_DOWN = new Set(['useless', 'ineffective', 'tank', 'crash', 'plummet', 'nuke', 'tank', 'slash', 'lower', 'decrease', 'reduce', 'cut', 'halve', 'weak', 'drop', 'low', 'less', 'diminish', 'down', 'shorten', 'fall']);
export const EXPOSURE_NOUNS = new Set(['level', 'exposure', 'concentration', 'auc', 'amount', 'plasma', 'blood', 'bloodstream', 'cmax', 'strong', 'weak', 'potent', 'effect', 'effective', 'stronger', 'weaker', 'bioavailability']);
export const MULTIPLIER_WORDS: Record<string, number> = { double: 2, twice: 2, triple: 3, thrice: 3, quadruple: 4, halve: 0.5, half: 0.5 };

/** Pair words: what two substances are claimed to share or not. */
export const PAIR_UNRELATED = ['unrelated', 'separate', 'independent', 'distinct', 'different', 'nothing', 'apart'];
export const PAIR_RELATED = ['related', 'relate', 'share', 'same', 'similar', 'common', 'overlap', 'both', 'connected', 'connect', 'link', 'linked', 'alike', 'cousin'];

/** Interaction words. */
export const INTERACT = new Set(['interact', 'interaction', 'clash', 'react']);
/** Effect words that, between two substances and without levels or a direction, claim an interaction. */
export const AFFECT = new Set(['affect', 'effect', 'impact', 'influence', 'alter']);
export const SAFE = new Set(['safe', 'fine', 'ok', 'okay', 'harmless', 'alright', 'problem', 'risk-free', 'chill', 'cool', 'good']);
export const DANGER = new Set(['dangerous', 'deadly', 'unsafe', 'risky', 'lethal', 'fatal', 'hazardous', 'bad', 'kill', 'death', 'toxic', 'danger']);
export const COMBINE = new Set(['mix', 'combine', 'combination', 'together', 'combo', 'stack', 'alongside', 'with', 'plus', 'take', 'use', 'pair']);
export const BENEFIT = new Set(['synergistic', 'synergy', 'synergize', 'beneficial', 'entourage', 'complement', 'better', 'benefit']);

/** Effect predicates other than "causes": treating or preventing an effect. */
export const TREAT = new Set(['treat', 'cure', 'help', 'relieve', 'prevent', 'protect', 'against', 'stop', 'heal', 'ease', 'fix', 'manage', 'reverse', 'counteract']);
/** Verbs of harm that, with "liver", name liver injury ("wrecks your liver"). */
export const DAMAGE = new Set(['damage', 'wreck', 'destroy', 'hurt', 'harm', 'ruin', 'fry', 'kill', 'trash', 'injure', 'toxic', 'bad', 'poison', 'shred']);
export const CAUSE = new Set(['cause', 'lead', 'trigger', 'produce', 'result', 'risk', 'give', 'bring', 'provoke', 'make', 'damage', 'harm', 'induce']);

/** Dependence words → the risk kinds that bear on them. */
export const DEPENDENCE_CUES: Record<string, 'dependence' | 'withdrawal' | 'tolerance' | 'addiction'> = {
  addictive: 'addiction', addiction: 'addiction', addict: 'addiction', addicting: 'addiction', addicted: 'addiction',
  dependence: 'dependence', dependent: 'dependence', dependency: 'dependence', habit: 'dependence', hooked: 'dependence', abuse: 'addiction',
  withdrawal: 'withdrawal', withdrawl: 'withdrawal', withdrawals: 'withdrawal', wds: 'withdrawal', wd: 'withdrawal', detox: 'withdrawal',
  tolerance: 'tolerance',
};

/** Legality words → the status asserted. */
export const LEGAL_CUES: Record<string, 'legal' | 'illegal' | 'controlled' | 'regulated' | 'prescription'> = {
  legal: 'legal', lawful: 'legal', allow: 'legal', permit: 'legal', legalize: 'legal', decriminalize: 'legal', unregulated: 'legal',
  illegal: 'illegal', ban: 'illegal', prohibit: 'illegal', outlaw: 'illegal', unlawful: 'illegal', criminalize: 'illegal', illicit: 'illegal', forbidden: 'illegal',
  control: 'controlled', controlled: 'controlled', schedule: 'controlled', scheduled: 'controlled',
  regulate: 'regulated', regulated: 'regulated', license: 'regulated',
  prescription: 'prescription',
};
export const FEDERAL = new Set(['federal', 'federally', 'nationwide', 'nationally']);
export const EVERYWHERE = new Set(['everywhere', 'worldwide', 'anywhere', 'globally', 'universally']);
export const USE_MEDICAL = new Set(['medical', 'medicinal', 'medicine', 'therapeutic', 'patient']);
export const USE_ADULT = new Set(['recreational', 'adult', 'recreationally', 'personal']);

export const NEGATION = new Set(['not', 'no', 'never', 'none', 'without', 'non', 'neither', 'nor', 'zero', 'nothing', 'nobody', 'lack', 'fail', 'nope']);
/** Idioms with a negation word that assert safety ("no problem") or exclusivity ("nothing else"), not a negation. */
export const SAFE_IDIOMS = [['no', 'problem'], ['no', 'worry'], ['no', 'issue'], ['no', 'big', 'deal'], ['no', 'prob'], ['not', 'a', 'problem']];
export const ONLY_IDIOMS = [['nothing', 'else'], ['nothing', 'more'], ['nothing', 'but'], ['nothing', 'other', 'than'], ['no', 'other']];
/** Exclusivity words → what they quantify. */
export const EXCLUSIVE: Record<string, 'only' | 'all' | 'any'> = {
  only: 'only', just: 'only', solely: 'only', exclusively: 'only', purely: 'only', entirely: 'only', strictly: 'only',
  all: 'all', every: 'all', always: 'all', each: 'all',
  any: 'any', anything: 'any',
};
export const QUESTION_START = new Set(['do', 'be', 'can', 'will', 'could', 'should', 'would', 'have', 'may', 'might', 'shall']);
export const HEDGES = new Set(['may', 'might', 'can', 'could', 'possibly', 'probably', 'likely', 'reportedly', 'apparently']);

/** Species and systems → the species key used in the KB (`human`, `rat`, `mouse`) or a system. */
export const SPECIES_WORDS: Record<string, string> = {
  human: 'human', person: 'human', patient: 'human', man: 'human', woman: 'human', volunteer: 'human', adult: 'human',
  clinical: 'human', clinic: 'human', user: 'human', humans: 'human', subject: 'human', trial: 'human',
  rat: 'rat', mouse: 'mouse', rodent: 'animal', animal: 'animal', monkey: 'animal', dog: 'animal', primate: 'animal', pig: 'animal',
  preclinical: 'animal', vitro: 'in-vitro', cell: 'in-vitro', microsome: 'in-vitro', tube: 'in-vitro', dish: 'in-vitro', lab: 'in-vitro', hepatocyte: 'in-vitro',
};

/** Everyday names of target classes → a test over a target's kind, name and family. */
export const TARGET_CLASS_ALIASES: Record<string, string> = {
  opiate: 'opioid', opioid: 'opioid', endorphin: 'opioid', mu: 'mu opioid',
  adrenoceptor: 'adrenergic', adrenergic: 'adrenergic', noradrenergic: 'adrenergic', adrenaline: 'adrenergic', norepinephrine: 'adrenergic', alpha: 'adrenergic',
  serotonin: 'serotonin', serotonergic: 'serotonin', '5 ht': 'serotonin', '5ht': 'serotonin',
  cannabinoid: 'cannabinoid', endocannabinoid: 'cannabinoid', cb: 'cannabinoid',
  dopamine: 'dopamine', dopaminergic: 'dopamine',
  gaba: 'gaba', gabaergic: 'gaba', benzodiazepine: 'gaba',
  muscarinic: 'muscarinic', cholinergic: 'muscarinic', histamine: 'histamine', adenosine: 'adenosine', nicotinic: 'nicotinic',
  sigma: 'sigma', glutamate: 'nmda', nmda: 'nmda', vanilloid: 'vanilloid', trp: 'trp',
};
/** Everyday names of enzyme and transporter classes → families (matched against a target's family, case-folded). */
export const ENZYME_CLASSES: Record<string, { label: string; families: string[]; kinds?: string[] }> = {
  'liver enzyme': { label: 'liver enzymes', families: ['cytochrome p450', 'udp glucuronosyltransferase', 'carboxylesterase', 'flavin containing monooxygenase', 'alcohol dehydrogenase', 'aldehyde dehydrogenase'] },
  // "metabolised by the liver", "broken down in the liver": the organ as the place of metabolism means its enzymes
  // (the organ alone, "bad for the liver", stays a harm).
  'by the liver': { label: 'liver enzymes', families: ['cytochrome p450', 'udp glucuronosyltransferase', 'carboxylesterase', 'flavin containing monooxygenase', 'alcohol dehydrogenase', 'aldehyde dehydrogenase'] },
  'in the liver': { label: 'liver enzymes', families: ['cytochrome p450', 'udp glucuronosyltransferase', 'carboxylesterase', 'flavin containing monooxygenase', 'alcohol dehydrogenase', 'aldehyde dehydrogenase'] },
  'by your liver': { label: 'liver enzymes', families: ['cytochrome p450', 'udp glucuronosyltransferase', 'carboxylesterase', 'flavin containing monooxygenase', 'alcohol dehydrogenase', 'aldehyde dehydrogenase'] },
  'hepatic enzyme': { label: 'liver enzymes', families: ['cytochrome p450', 'udp glucuronosyltransferase', 'carboxylesterase', 'flavin containing monooxygenase', 'alcohol dehydrogenase', 'aldehyde dehydrogenase'] },
  'metabolic enzyme': { label: 'drug-metabolising enzymes', families: ['cytochrome p450', 'udp glucuronosyltransferase', 'carboxylesterase', 'flavin containing monooxygenase'] },
  'drug metabolizing enzyme': { label: 'drug-metabolising enzymes', families: ['cytochrome p450', 'udp glucuronosyltransferase', 'carboxylesterase', 'flavin containing monooxygenase'] },
  'metabolizing enzyme': { label: 'drug-metabolising enzymes', families: ['cytochrome p450', 'udp glucuronosyltransferase', 'carboxylesterase', 'flavin containing monooxygenase'] },
  'cyp enzyme': { label: 'CYP enzymes', families: ['cytochrome p450'] },
  cyp: { label: 'CYP enzymes', families: ['cytochrome p450'] },
  cyp450: { label: 'CYP enzymes', families: ['cytochrome p450'] },
  'cyp 450': { label: 'CYP enzymes', families: ['cytochrome p450'] },
  p450: { label: 'CYP enzymes', families: ['cytochrome p450'] },
  'p 450': { label: 'CYP enzymes', families: ['cytochrome p450'] },
  'cytochrome p450': { label: 'CYP enzymes', families: ['cytochrome p450'] },
  'cytochrome p 450': { label: 'CYP enzymes', families: ['cytochrome p450'] },
  cytochrome: { label: 'CYP enzymes', families: ['cytochrome p450'] },
  'p450 enzyme': { label: 'CYP enzymes', families: ['cytochrome p450'] },
  ugt: { label: 'UGT enzymes', families: ['udp glucuronosyltransferase'] },
  'ugt enzyme': { label: 'UGT enzymes', families: ['udp glucuronosyltransferase'] },
  'glucuronidation enzyme': { label: 'UGT enzymes', families: ['udp glucuronosyltransferase'] },
  enzyme: { label: 'enzymes', families: [], kinds: ['enzyme'] },
  transporter: { label: 'transporters', families: [], kinds: ['transporter'] },
  'drug transporter': { label: 'transporters', families: ['abc transporter', 'solute carrier organic anion'], kinds: [] },
  'efflux pump': { label: 'efflux transporters', families: ['abc transporter'] },
  receptor: { label: 'receptors', families: [], kinds: ['receptor', 'ion-channel'] },
  'brain receptor': { label: 'receptors', families: [], kinds: ['receptor', 'ion-channel'] },
};

/** Everyday names of substance classes the KB names formally. */
export const SUBSTANCE_CLASS_ALIASES: Record<string, string> = {
  benzo: 'benzodiazepine', benzos: 'benzodiazepine', opiate: 'opioid', painkiller: 'opioid', 'pain killer': 'opioid',
  'z drug': 'z-drug', 'birth control': 'hormonal-contraceptive', 'birth control pill': 'hormonal-contraceptive', 'the pill': 'hormonal-contraceptive',
  'oral contraceptive': 'hormonal-contraceptive', 'contraceptive pill': 'hormonal-contraceptive', 'contraceptive': 'hormonal-contraceptive', 'blood thinner': 'anticoagulant', 'sleeping pill': 'sedative-hypnotic', 'sleep aid': 'sedative-hypnotic',
  'antidepressant': 'antidepressant', 'statin': 'statin', 'ssri': 'ssri', 'snri': 'snri', 'maoi': 'maoi', 'stimulant': 'stimulant', 'psychedelic': 'psychedelic',
};

/** Phrases for "medicines in general": a class of every medicine in the KB ("CBD never interacts with other medications"). */
export const ANY_MEDICINE = ['other medication', 'other medicine', 'other drug', 'other med', 'prescription drug', 'prescription med', 'prescription medication',
  'any medication', 'any medicine', 'any drug', 'any med', 'most medication', 'most drug', 'your medication', 'your med', 'medication', 'meds', 'pharmaceutical', 'other pill'];

/** Everyday names of effect classes → words of the KB effect's id or name they stand for. */
export const EFFECT_ALIASES: Record<string, string> = {
  'respiratory depression': 'respiratory', 'breathing depression': 'respiratory', 'slow breathing': 'respiratory', 'slowed breathing': 'respiratory',
  'stop breathing': 'respiratory', 'stop your breathing': 'respiratory', 'trouble breathing': 'respiratory', 'breathing problem': 'respiratory',
  'respiratory': 'respiratory', 'breathing': 'respiratory', 'resp depression': 'respiratory', 'hypoventilation': 'respiratory',
  'cns depression': 'cns', 'central nervous system depression': 'cns', 'nervous system depression': 'cns', 'depressant': 'cns', 'downer': 'cns', 'overdose': 'cns', 'od': 'cns', 'coma': 'cns',
  sedation: 'sedation', sedative: 'sedation', sedating: 'sedation', drowsiness: 'sedation', drowsy: 'sedation', sleepy: 'sedation', sleepiness: 'sedation',
  impairment: 'sedation', impaired: 'sedation', 'more impaired': 'sedation', 'psychomotor impairment': 'sedation', 'impaired driving': 'sedation', 'impair driving': 'sedation', somnolence: 'sedation', sleep: 'sedation', 'knock you out': 'sedation', 'nod': 'sedation',
  seizure: 'seizure', convulsion: 'seizure', fit: 'seizure', epileptic: 'seizure',
  'liver injury': 'hepatotoxicity', 'liver damage': 'hepatotoxicity', 'liver toxicity': 'hepatotoxicity', 'liver failure': 'hepatotoxicity', hepatotoxicity: 'hepatotoxicity',
  hepatotoxic: 'hepatotoxicity', 'liver problem': 'hepatotoxicity', 'liver harm': 'hepatotoxicity', 'toxic to the liver': 'hepatotoxicity', 'hepatitis': 'hepatotoxicity',
  'elevated liver enzyme': 'hepatotoxicity', 'raised liver enzyme': 'hepatotoxicity', 'liver enzyme elevation': 'hepatotoxicity', 'bad for your liver': 'hepatotoxicity', 'bad for the liver': 'hepatotoxicity', 'hurt your liver': 'hepatotoxicity', 'damage your liver': 'hepatotoxicity', 'damage the liver': 'hepatotoxicity', 'jaundice': 'hepatotoxicity',
  'serotonin syndrome': 'serotonergic', 'serotonin toxicity': 'serotonergic', 'serotonergic toxicity': 'serotonergic',
  'qt prolongation': 'qt', 'qt': 'qt', 'long qt': 'qt', 'arrhythmia': 'qt', 'heart rhythm': 'qt', 'torsade': 'qt',
  tachycardia: 'tachycardia', 'racing heart': 'tachycardia', 'fast heart rate': 'tachycardia', 'high blood pressure': 'tachycardia', 'blood pressure': 'tachycardia', hypertension: 'tachycardia', 'heart rate': 'tachycardia', palpitation: 'tachycardia',
  'anticholinergic': 'anticholinergic', bleeding: 'bleeding', bleed: 'bleeding', 'bleeding risk': 'bleeding',
};

/** Place names people use beside the KB's jurisdiction names → ISO codes. */
export const JURISDICTION_ALIASES: Record<string, string> = {
  us: 'US', usa: 'US', 'u s': 'US', 'u s a': 'US', america: 'US', 'united states': 'US', 'the states': 'US', 'united states of america': 'US',
  uk: 'GB', 'u k': 'GB', britain: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'united kingdom': 'GB',
  holland: 'NL', 'south korea': 'KR', korea: 'KR', 'czech republic': 'CZ', uae: 'AE', 'washington state': 'US-WA', 'washington dc': 'US-DC', dc: 'US-DC',
};

/** Everyday words for what findings measure → the words findings use. */
export const CONTEXT_SYNONYMS: Record<string, string> = {
  painkilling: 'pain', painkiller: 'pain', analgesia: 'pain', analgesic: 'pain', antinociceptive: 'pain', antinociception: 'pain', 'pain-relieving': 'pain',
  anxious: 'anxiety', anxiolytic: 'anxiety', breathing: 'respiratory',
};

/** Grammar words that carry no content: never reported as "unread". */
export const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'be', 'do', 'have', 'it', 'its', 'this', 'that',
  'these', 'those', 'there', 'their', 'they', 'them', 'you', 'your', 'i', 'we', 'my', 'our', 'me', 'us', 'he', 'she', 'his', 'her', "'s", 'so', 'very',
  'really', 'also', 'too', 'some', 'much', 'many', 'more', 'most', 'which', 'who', 'what', 'when', 'where', 'how', 'than', 'then', 'if', 'but', 'can',
  'will', 'would', 'should', 'could', 'may', 'might', 'must', 'shall', 'completely', 'totally', 'fully', 'actually', 'basically', 'literally', 'even',
  'still', 'yet', 'about', 'into', 'onto', 'through', 'via', 'up', 'down', 'out', 'over', 'under', 'other', 'each', 'one', 'two', 'lol', 'tbh', 'imo',
  'imho', 'btw', 'guys', 'guy', 'bro', 'yeah', 'yes', 'ok', 'okay', 'pretty', 'quite', 'well', 'known', 'know', 'say', 'said', 'claim', 'true', 'fact',
  'everyone', 'anyone', 'someone', 'people', 'thing', 'stuff', 'like', 'just', 'per', 'system', 'pathway', 'way', 'get', 'go', 'am', 'is', 'are',
  'was', 'were', 'been', 'does', 'did', 'has', 'had', 'pharmacologically', 'chemically', 'biologically', 'at', 'all', 'level', 'levels', 'either',
  'both', 'same', 'time', 'body', 'brain', 'drug', 'substance', 'medication', 'med', 'meds', 'take', 'taking', 'use', 'using', 'any', 'no', 'not',
]);

/** Punctuation tokens. */
export const PUNCT = new Set(['?', '.', '!', ';', ':', ',', '(', ')', '/', '&', '+', '%', '"', '\u201c', '\u201d']);

registerKnown([
  ...Object.keys(RELATION_CUES), ...EXPOSURE_UP, ...EXPOSURE_DOWN, ...EXPOSURE_NOUNS, ...Object.keys(MULTIPLIER_WORDS), ...PAIR_UNRELATED, ...PAIR_RELATED,
  ...INTERACT, ...SAFE, ...DANGER, ...COMBINE, ...BENEFIT, ...TREAT, ...CAUSE, ...Object.keys(DEPENDENCE_CUES), ...Object.keys(LEGAL_CUES),
  ...Object.keys(SPECIES_WORDS), ...Object.keys(TARGET_CLASS_ALIASES), ...Object.keys(ENZYME_CLASSES), 'receptor', 'enzyme', 'transporter', 'cause',
  ...DAMAGE, 'blocker', 'reverse', 'convert', 'turn', 'become', 'seizure', 'convulsion', 'state', 'country', 'system', 'share', 'user', 'study', 'rat', 'mouse', 'effect', 'withdrawal', 'benzo', 'opiate', 'level',
]);
