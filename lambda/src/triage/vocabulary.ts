/**
 * The Dutch words the red-flag check listens for, grouped by the article's twelve "when to see the GP"
 * criteria ("Wanneer naar de huisarts?", content/article.json doctor). Each group says why it is there:
 * a criterion of the article, or a safety addition that takes the more urgent reading. The matching
 * engine that reads them (negation, doubt, trying every start) is classify.ts.
 */

/** One way of saying that one criterion applies, on normalised text (text/dutch.ts's normalise). */
export interface SymptomPattern {
  readonly flag: string;
  readonly re: RegExp;
  /** The pattern itself says "not" ("ik voel mijn voet niet"): a "niet" inside it is the symptom. */
  readonly inherent?: boolean;
  /** A verb that can be denied right after it ("het tintelt niet", "het straalt niet uit"). */
  readonly deniedAfter?: boolean;
  /** Extra check on the match, for words with a second meaning ("in veel gevallen", "ik ben 50 jaar"). */
  readonly accept?: (match: RegExpExecArray, before: readonly string[], after: readonly string[]) => boolean;
}

/**
 * Doubt, not denial ("ik weet het niet", "geen idee"): read as 'onzeker', so it does not deny a symptom.
 * Safety addition: the article's criteria are about what is present; an unsure answer must lead to the GP
 * advice or the questionnaire, never to "no".
 */
/** The word doubt is marked with; it is one of `clauseBreaks`. */
export const doubtMarker = 'onzeker';
export const doubtPhrases: readonly RegExp[] = [
  / (?:ik )?weet (?:ik |het |dat )*(?:niet|nie) /g,
  / (?:geen|weinig) idee /g,
  / niet (?:zo )?zeker /g,
];

/** Words that deny the symptom after them ("geen koorts"): a denied symptom counts as not said, never as reassurance. */
export const negationWords: ReadonlySet<string> = new Set(['geen', 'niet', 'nooit', 'zonder', 'nergens']);
/**
 * "zonder reden afvallen", "zonder duidelijke oorzaak": "zonder" followed by these says a symptom is
 * unexplained, the article's own word for weight loss ("onverklaarbaar"), not that it is absent.
 */
export const unexplainedAfterZonder: ReadonlySet<string> = new Set([
  'reden',
  'aanleiding',
  'verklaring',
  'oorzaak',
  'duidelijke',
  'aanwijsbare',
  'enige',
  'dat',
]);
/** Words after a symptom that deny it: "het tintelt niet", "mijn been slaapt nooit". */
export const denialsAfter: ReadonlySet<string> = new Set(['niet', 'nooit']);
/**
 * Words after such a denial that turn it into a measure of the symptom: "het tintelt niet altijd", "niet
 * zo erg", "niet alleen in mijn voet", "wat niet normaal is" still say it tingles.
 */
export const measuresAfterDenial: ReadonlySet<string> = new Set([
  'altijd',
  'vaak',
  'erg',
  'heel',
  'zo',
  'alleen',
  'constant',
  'continu',
  'steeds',
  'de',
  'elke',
  'iedere',
  'normaal',
  'overal',
  'helemaal',
]);
/**
 * Words that end the clause a negation belongs to, looking backwards from a symptom: "geen koorts maar
 * mijn been tintelt" still names tingling (safety addition: a denial never reaches past its clause).
 */
export const clauseBreaks: ReadonlySet<string> = new Set([
  'maar',
  'en',
  'of',
  'want',
  'alleen',
  'wel',
  'dus',
  'omdat',
  'terwijl',
  'toch',
  'misschien',
  'onzeker',
  'denk',
  'geloof',
  'behalve',
  'soms',
]);

/**
 * The leg below the knee: the article's first direct-contact criterion, "Uitstralende pijn naar been
 * (onder knie)". The knee itself and a leg named without saying where are counted too: safety addition
 * (the more urgent reading).
 */
const legBelowKnee = [
  'been',
  'benen',
  'kuit',
  'kuiten',
  'voet',
  'voeten',
  'tenen',
  'teen',
  'enkels',
  '(?:mijn|mn|m|de|je|zijn|haar|linker|rechter) enkel',
  'onderbeen',
  'onderbenen',
  'scheen',
  'schenen',
  'scheenbeen',
  'hiel',
  'hielen',
  'voetzool',
  'voetzolen',
  'knie',
  'knieen',
  'knieholte',
  'knieholtes',
  '(?:linker|rechter)(?:been|voet|kuit|knie|onderbeen|enkel|scheen)',
].join('|');
/** Where pain radiates other than below the knee: the article's appointment criterion "Pijn die uitstraalt". */
const elsewhere =
  'lies|liezen|bil|billen|heup|heupen|zij|buik|schouder|schouders|schouderblad|nek|arm|armen|dij|dijen|bovenbeen|bovenbenen|borst';
/** Pain, shooting and pulling: the "pijn" of both radiating criteria ("Uitstralende pijn", "Pijn die uitstraalt"). */
const painWords =
  '\\w*pijn\\w*|zeer|\\w*stra+l\\w*|trek\\w*|getrokken|schiet\\w*|geschoten|steek\\w*|stekend\\w*';
/** Which way pain goes ("tot in mijn kuit"): radiating is pain that travels, in the article's "naar been". */
const towards = 'in|naar|tot|door|langs|richting|onder|aan';
/** What back pain can stop: the article's appointment criterion "Pijn die beperkt in dagelijks leven". */
const activities = [
  'werken',
  'werk',
  'lopen',
  'wandelen',
  'zitten',
  'staan',
  'bukken',
  'fietsen',
  'sporten',
  'tillen',
  'autorijden',
  'rijden',
  'auto',
  'traplopen',
  'trap',
  'aankleden',
  'douchen',
  'huishouden',
  'bewegen',
  'opstaan',
  'liggen',
  'draaien',
  'buigen',
  'spelen',
  'boodschappen',
  'doen',
  'sokken',
  'schoenen',
  'bed',
  'school',
  'koken',
  'schoonmaken',
  'rechtop',
  'normaal',
  'optillen',
  'traplopen',
  'aantrekken',
  'bukken',
].join('|');
/** Daily life limited ("Pijn die beperkt in dagelijks leven"), said without "kan": "niet meer optillen". */
const everydayMovements =
  'werken|lopen|wandelen|zitten|staan|bukken|fietsen|sporten|tillen|optillen|autorijden|traplopen|aankleden|douchen|' +
  'opstaan|draaien|buigen|koken|schoonmaken|aantrekken';
/** Not being able to: daily life limited, and for bladder and sleep "kan niet plassen", "kan niet slapen". */
const unable =
  '(?:kan|kon|kun|kunnen|lukt|lukte)(?: \\w+){0,3}? (?:niet|nauwelijks|amper|moeilijk|slecht|geen)';

/** Spoken numbers, to tell the article's "Pijn langer dan 6 weken" from acute pain ("minder dan 6 weken"). */
const numberWords: Record<string, number> = {
  een: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  anderhalf: 1.5,
  anderhalve: 1.5,
};
/** Vague but "several" ("al veel weken"): read as longer than 6 weeks, a safety addition (the more urgent reading). */
const manyWords = new Set(['meerdere', 'aantal', 'veel', 'vele', 'wat']);
/** "A few": "een paar weken" may be the article's acute pain (under 6 weeks), so only "een paar maanden" counts. */
const fewWords = new Set(['paar', 'enkele']);

/** "al 2 maanden", "langer dan zes weken", "al weken": a duration of six weeks or more, or vaguely long. */
function longEnough(match: RegExpExecArray, before: readonly string[], after: readonly string[]): boolean {
  const unit = match[2] ?? '';
  // Matches are tried at every start, so "drie weken" is also seen as "weken": take the quantity back.
  const previous = before[before.length - 1];
  const quantity = match[1] ?? (previous !== undefined && isQuantity(previous) ? previous : undefined);
  if (unit.startsWith('ja')) {
    // "ik ben 50 jaar (oud)" is an age, not a duration.
    const verb = before[before.length - (match[1] === undefined && quantity !== undefined ? 2 : 1)] ?? '';
    // "dit jaar", "elk jaar" say when, not how long.
    const when = ['dit', 'dat', 'het', 'elk', 'ieder', 'per', 'volgend'].includes(previous ?? '');
    return after[0] !== 'oud' && !when && !['ben', 'is', 'word', 'wordt', 'was'].includes(verb);
  }
  if (quantity !== undefined && fewWords.has(quantity)) return unit === 'maanden';
  if (quantity !== undefined && manyWords.has(quantity)) return true;
  const amount = quantity === undefined ? undefined : (numberWords[quantity] ?? Number(quantity));
  if (amount === undefined || Number.isNaN(amount)) return unit === 'weken' || unit === 'maanden';
  const weeksPerUnit = unit.startsWith('maand') ? 4.3 : 1;
  return amount * weeksPerUnit >= 6;
}

function isQuantity(word: string): boolean {
  return /^\d+$/.test(word) || word in numberWords || fewWords.has(word) || manyWords.has(word);
}

/** "in veel gevallen" means "in many cases", "in slaap gevallen" is a limb that went numb. */
function fellDown(_match: RegExpExecArray, before: readonly string[]): boolean {
  const previous = before[before.length - 1] ?? '';
  return ![
    'slaap',
    'veel',
    'sommige',
    'meeste',
    'alle',
    'zulke',
    'ernstige',
    'beide',
    'die',
    'deze',
  ].includes(previous);
}

/** "je knie naar je borst trekken" is the exercise, not pain pulling into the chest. */
function notAPull(match: RegExpExecArray, before: readonly string[]): boolean {
  return (
    !/^naar/.test(match[0]) || !before.slice(-3).some((word) => /^(?:knie|knieen|been|benen)$/.test(word))
  );
}

/** "ik viel van de trap af" is a fall, not weight loss. */
function lostWeight(match: RegExpExecArray): boolean {
  return !/\b(?:van|trap|ladder|fiets|stoel|paard|dak)\b/.test(match[0]);
}

/**
 * "ik blijf maar afvallen", "ik ben zomaar aan het afvallen", "afvallen zonder reden": weight loss going on. "of afvallen helpt"
 * asks about a plan; the questionnaire asks about unexplained weight loss itself.
 */
function keepsLosing(match: RegExpExecArray, before: readonly string[], after: readonly string[]): boolean {
  const near = before.slice(-3);
  const unexplained = /^(?:zomaar|vanzelf|ongewild|onverklaarbaar|ongemerkt|zonder)$/;
  return (
    notAPlan(match, before) &&
    (near.some((word) => unexplained.test(word) || /^(?:blijf|blijft|aan|maar|steeds)$/.test(word)) ||
      // "afvallen zonder reden", "afvallen zomaar"
      after.slice(0, 2).some((word) => unexplained.test(word)))
  );
}

/**
 * "ik wil afvallen", "ik probeer af te vallen": a plan, not the article's unexplained weight loss.
 * Not recognising it starts the questionnaire, which asks about unexplained weight loss itself.
 */
function notAPlan(_match: RegExpExecArray, before: readonly string[]): boolean {
  return !before
    .slice(-3)
    .some((word) =>
      /^(?:wil|wilde|willen|probeer|probeert|proberen|moet|moeten|ga|gaan|dieet|hoop|zou|liever)$/.test(word),
    );
}

/** Words of a time before now: "minder dan vorig jaar" is weight lost, "minder dan mijn broer" a comparison. */
const earlier =
  /^(?:vroeger|eerst|voorheen|toen|vorig|vorige|geleden|jaar|maand|maanden|week|weken|zomer|kerst|afgelopen)$/;

/**
 * "ik weeg steeds minder", "ik weeg zonder reden minder": weight lost. Not a comparison ("ik weeg
 * minder dan mijn broer"), not "minder vaak", not a plan ("ik wil minder wegen"), and not "ik woog
 * vroeger minder", which says the weight went up.
 */
function weighsLess(match: RegExpExecArray, before: readonly string[], after: readonly string[]): boolean {
  const said = match[0].split(' ');
  // "ik weeg niet minder"; "ik weeg te veel, moet ik minder eten"
  if (said.some((word) => /^(?:niet|nooit|geen|te|teveel|moet|wil|zou)$/.test(word))) return false;
  if (after[0] === 'vaak') return false;
  if (after[0] === 'dan' && !after.slice(1, 5).some((word) => earlier.test(word))) return false;
  if (said.includes('woog') && [...said, ...after.slice(0, 3)].some((word) => earlier.test(word)))
    return false;
  return notAPlan(match, before);
}

/** The words around a match speak of pain or the back: "de pijn komt opnieuw", not "begin opnieuw". */
function mentionsPain(match: RegExpExecArray, before: readonly string[], after: readonly string[]): boolean {
  const all = [...before, ...match[0].split(' '), ...after];
  return all.some((word) => /^(?:\w*pijn\w*|zeer|last|rug|rugklachten|klachten|spit|au|auw)$/.test(word));
}

/** A part of the body, one word: the leg below the knee, the other places pain radiates to, and everyday names. */
const bodyWord = new RegExp(
  `^(?:linker|rechter|boven|onder)?(?:${legBelowKnee}|${elsewhere}|enkel|lijf|lichaam|kont|achterwerk|zitvlak|` +
    'staartbeen|stuitje|bekken|ribben|rib|flank|flanken|zijkant|rug|beneden|onderen)$',
);

/** A part of the body among the next few words: "… naar mijn bil", "… tot in mijn tenen". */
function towardsTheBody(after: readonly string[]): boolean {
  return after.slice(0, 5).some((word) => bodyWord.test(word));
}

/**
 * Pain coming back, not getting better again: after "komt het weer", "begint het weer", "is het er weer",
 * not "goed", "beter", "in orde" within two words ("het gaat over en dan komt het weer goed").
 */
const notBetter = '(?!(?: \\w+){0,2} (?:goed|beter|rustig|normaal|weg|over|tijd|fit|in orde|bij))';

/** "mijn rugpijn is chronisch" claims it; "wat is chronische rugpijn" asks what the word means. */
function claimsIt(_match: RegExpExecArray, before: readonly string[]): boolean {
  const asks =
    /^(?:wat|wanneer|vanaf|hoe|welke|waarom|vertel|uitleg|info|informatie|over)$/.test(before[0] ?? '') ||
    before.some((word) => /^(?:verschil|betekent|betekenis|heet|noem|noemt|tussen)$/.test(word));
  return !asks && before.some((word) => /^(?:ik|mijn|mn|heb|hebt|het|is)$/.test(word));
}

/** "ik val zomaar af", "waarom ik zo afval": losing weight as a fact, not "als ik afval" or a plan. */
function losingWeight(_match: RegExpExecArray, before: readonly string[], after: readonly string[]): boolean {
  const near = before.slice(-3);
  // "dat ik afval zonder te lijnen", "afval zomaar": unexplained, whatever came before.
  if (after.slice(0, 2).some((word) => /^(?:zomaar|vanzelf|ongewild|ongemerkt|zonder)$/.test(word)))
    return true;
  if (
    near.some((word) =>
      /^(?:zomaar|vanzelf|ongewild|onverklaarbaar|ongemerkt|steeds|zo|maar|veel|snel|blijf|blijft|aan)$/.test(
        word,
      ),
    )
  )
    return true;
  return !before
    .slice(-4)
    .some((word) =>
      /^(?:als|wanneer|om|wil|wilde|moet|moeten|door|kan|helpt|probeer|proberen|ga|gaan|dieet|over)$/.test(
        word,
      ),
    );
}

/** "ik ben negenendertig" is an age; "negenendertig graden", "achtendertig vijf" a temperature. */
function notAnAge(_match: RegExpExecArray, before: readonly string[], after: readonly string[]): boolean {
  return (
    after[0] !== 'jaar' && !['ben', 'is', 'word', 'wordt', 'werd'].includes(before[before.length - 1] ?? '')
  );
}

/** One way of saying `flag`, matched as whole words. */
const symptom = (flag: string, source: string, options: Omit<SymptomPattern, 'flag' | 're'> = {}) => ({
  flag,
  re: new RegExp(`\\b(?:${source})\\b`, 'g'),
  ...options,
});

/** Every way of saying each criterion, grouped in the article's order. */
export const patterns: readonly SymptomPattern[] = [
  // Direct contact, article: "Uitstralende pijn naar been (onder knie)".
  // A leg named without saying where (been, knie) is read as below the knee: for safety, the more urgent reading.
  symptom(
    'uitstralend-been',
    `(?:${painWords})(?: \\w+){0,4}? (?:${towards})(?: \\w+){0,2}? (?:${legBelowKnee})`,
  ),
  symptom(
    'uitstralend-been',
    `(?:${legBelowKnee})(?: \\w+){0,2}? (?:doet|doen)(?: \\w+){0,2}? (?:pijn|zeer)`,
  ),
  symptom(
    'uitstralend-been',
    `(?:${legBelowKnee}) pijn|pijnlijke? (?:${legBelowKnee})|(?:been|kuit|voet|knie)pijn|` +
      // "pijn aan de achterkant van mijn been tot in mijn scheen"
      `pijn (?:aan|in|op|langs) (?:(?!als |wanneer |en |maar |of |dan |terwijl )\\w+ ){0,4}?(?:mijn|mn|de|je|het) (?:${legBelowKnee})\\b`,
  ),
  // "het gaat helemaal door naar mijn voet", "het tot in mijn kuit voelt trekken".
  symptom(
    'uitstralend-been',
    // up to six words between: "het trekt langs de achterkant van mijn been tot aan mijn enkel".
    `(?:gaat|schiet|schieten|trekt|trekken|doortrekt|doortrekken|loopt|lopen|straalt|stralen|uitstraalt|doorstraalt|zakt)(?: \\w+){0,6}? (?:door )?(?:${towards})(?: \\w+){0,2}? (?:${legBelowKnee})|` +
      `(?:naar|in|tot in|tot|door) (?:mijn |mn |de |je )?(?:${legBelowKnee})(?: \\w+)? (?:trekt|straalt|schiet|gaat|loopt|zakt|uitstraalt|doortrekt)`,
  ),

  // Direct contact, article: "Gevoelloosheid of tintelingen".
  symptom(
    'gevoelloos-tintelingen',
    'tintel\\w*|getinteld|prikkel\\w*|prikt|prikken|prikkend\\w*|mierenkriebel\\w*|mieren|kriebel\\w*|' +
      'gevoelloos\\w*|verdoofd\\w*|verdoving|doof|dove|slaapt|slapend\\w*|naalden|speldenprik\\w*',
    { deniedAfter: true },
  ),
  symptom('gevoelloos-tintelingen', '(?:geen|minder|weinig|nauwelijks|amper) gevoel', { inherent: true }),
  // Legs that go weak or give way: counted with numbness, a safety addition to the article
  // (content/spoken.json, safety "slappe-benen").
  symptom(
    'gevoelloos-tintelingen',
    `(?:${legBelowKnee}|knieen)(?: \\w+){0,3}? (?:slap|slappe|zwak|zwakke|krachteloos|krachteloze)|` +
      '(?:slappe|zwakke|krachteloze) (?:benen|been|knieen)|krachtverlies|spierzwakte|' +
      `(?:${legBelowKnee}|knieen)(?: \\w+){0,2}? (?:begeeft|begeven|begaf|begaven)|` +
      `(?:begeeft|begeven|begaf|begaven) (?:mijn |mn |m |de )?(?:${legBelowKnee}|knieen)|` +
      'door (?:mijn |mn |de )?(?:benen|knieen) (?:zak|zakt|zakte|zakken|ga|gaat)|' +
      '(?:zak|zakte|zakt) (?:\\w+ ){0,2}?door (?:mijn |mn |de )?(?:benen|knieen)',
  ),
  symptom(
    'gevoelloos-tintelingen',
    `(?:geen|weinig|nauwelijks|amper) kracht (?:meer )?in (?:mijn |mn |de )?(?:${legBelowKnee}|knieen)`,
    {
      inherent: true,
    },
  ),
  symptom('gevoelloos-tintelingen', '(?:raar|rare|vreemd|vreemde|gek|gekke|dof|doof|dood) gevoel'),
  symptom(
    'gevoelloos-tintelingen',
    `(?:${legBelowKnee}|armen|handen|bil|billen|dij|dijen) (?:slapen|sliepen|sliep)|` +
      'voel (?!me |mij |mezelf )(?:\\w+ ){0,3}?(?:niet|niks|niets|nauwelijks|amper)|' +
      'voelt(?: \\w+){0,2}? (?:dood|doof|verdoofd|raar|vreemd|gek)|in slaap gevallen|' +
      '(?:valt|vallen|viel|vielen)(?: \\w+){0,2}? in slaap',
    { inherent: true },
  ),
  // Verb last, as in a one-shot: "dat ik mijn rechterbeen bijna niet meer voel".
  symptom(
    'gevoelloos-tintelingen',
    `(?:${legBelowKnee}|bil|billen|dij|dijen|armen|handen|tenen|kruis)(?: \\w+){0,2}? (?:niet|nauwelijks|amper|niks|niets) (?:(?:meer|goed|echt|zo) )*(?:voel|voelt|voelen|voelde)`,
    { inherent: true },
  ),

  // Direct contact, article: "Verlies van controle over blaas/darm".
  symptom(
    'blaas-darm',
    'blaas\\w*|plas|plassen|plast|plaste|plasje|geplast|urine\\w*|ontlasting|poep\\w*|gepoept|' +
      'darm\\w*|stoelgang|incontinen\\w*|luier\\w*|in (?:mijn |mn |m |de |je )?broek|broek (?:is )?nat|' +
      '(?:grote|kleine) boodschap',
  ),
  symptom(
    'blaas-darm',
    `${unable}(?: \\w+){0,2}? (?:meer )?(?:plassen|poepen|ophouden|houden|naar de wc|naar het toilet)|` +
      'haal (?:\\w+ ){0,2}?(?:wc|toilet) (?:niet|nauwelijks)|(?:wc|toilet) (?:niet|nauwelijks) (?:meer )?halen',
    { inherent: true },
  ),
  symptom(
    'blaas-darm',
    '(?:niet|nauwelijks|amper|slecht|moeilijk) (?:meer |goed |echt )?(?:kan|kon|kunnen|kun) (?:plassen|poepen|ophouden|houden)|' +
      '(?:niet|nauwelijks|amper) (?:meer |goed )?(?:plassen|poepen|ophouden|naar de wc|naar het toilet) (?:kan|kon|kunnen|lukt)|' +
      '(?:plassen|poepen|plas|ontlasting)(?: \\w+){0,2}? (?:niet|nauwelijks) (?:meer )?(?:kan|kon|lukt|ophouden|houden)',
    { inherent: true },
  ),

  // Direct contact, article: "Koorts bij rugpijn".
  symptom(
    'koorts',
    'koorts\\w*|verhoging|temperatuur|rilling\\w*|rillerig\\w*|(?:3[89]|4[0-2])(?: [0-9])? graden',
  ),
  symptom('koorts', '(?:achtendertig|negenendertig|veertig|3[89]|40)(?: \\w+)?(?: graden| gemeten)?', {
    accept: notAnAge,
  }),

  // Direct contact, article: "Onverklaarbaar gewichtsverlies".
  symptom(
    'gewichtsverlies',
    'gewichtsverlies|afgevallen|vermagerd|vermageren|magerder|mager geworden|dunner geworden|lichter geworden|' +
      '(?:gewicht|kilo\\w*)(?: \\w+){0,3}? (?:kwijt\\w*|lichter|afgevallen|minder|verloren|verlies|verliest|verloor|eraf|daalt|gedaald|zakt|gezakt)|' +
      '(?:kleren|kleding|broek|broeken)(?: \\w+){0,3}? te (?:groot|wijd|ruim)|' +
      '(?:verlies|verloor|verloren)(?: \\w+){0,3}? (?:gewicht|kilo\\w*)|' +
      'weegschaal(?: \\w+){0,3}? (?:minder|lager|lichter)',
  ),
  // Inherent: "zonder reden" inside says unexplained; weighsLess turns a "niet" away.
  symptom('gewichtsverlies', '(?:ik weeg|weeg ik|ik woog)(?: \\w+){0,4}? (?:minder|lichter)', {
    inherent: true,
    accept: weighsLess,
  }),
  symptom(
    'gewichtsverlies',
    '(?:ik word|word ik|ik werd)(?: \\w+){0,3}? dunner|ik (?:\\w+ ){0,3}?dunner (?:word|werd)\\b',
    {
      // "ik hoop dat ik dunner word": the plan may sit inside the match
      accept: (match, before) =>
        notAPlan(match, before) && !/\b(?:wil|wilde|hoop|probeer|zou|moet)\b/.test(match[0]),
    },
  ),
  symptom('gewichtsverlies', '(?:val|valt|vallen|viel|vielen)(?: \\w+){0,3}? af', { accept: lostWeight }),
  symptom('gewichtsverlies', 'afvallen|af te vallen', { accept: keepsLosing }),
  symptom('gewichtsverlies', 'afval|afvalt', { accept: losingWeight }),

  // Direct contact, article: "Rugpijn na ongeval".
  symptom(
    'ongeval',
    'ongeluk\\w*|ongeval\\w*|verkeersongeluk\\w*|autoongeluk\\w*|gestruikeld|struikel\\w*|uitgegleden|' +
      'uitglijden|gegleden|uitgleed|gleed(?: \\w+){0,4}? uit|aangereden|aanrijding\\w*|botsing|gebotst|kop ?staart\\w*|whiplash|klap|smak|' +
      'gestoten|valpartij|getackeld|van de trap|onderuit\\w*|geknald|achterop|ingereden|omver\\w*|' +
      'omgevallen|neergevallen|op mijn stuit\\w*|op mijn staartbeen|hard (?:op|neer)gekomen|kwam (?:\\w+ )?hard (?:op|neer)|' +
      'van (?:de|mijn|een|het) (?:scooter|fiets|ladder|trap|paard|stoel|dak|trapje|brommer)',
  ),
  symptom('ongeval', 'gevallen', { accept: fellDown }),
  symptom(
    'ongeval',
    '(?:een|de|mijn|mn|na|door|bij|die|flinke|harde|lelijke|zware) val|' +
      '(?:val|viel|vielen)(?: \\w+){0,2}? (?:van|op|uit|tegen|over)',
  ),

  // Direct contact, article: "Nachtelijke pijn die wakker maakt".
  symptom('nachtpijn', 'wakker|doorslapen|slapeloos\\w*|uit (?:mijn |mn |de |m )?slaap'),
  symptom('nachtpijn', 's nachts|snachts|nacht\\w*|vannacht', { accept: mentionsPain }),
  symptom(
    'nachtpijn',
    '(?:slecht|nauwelijks|amper|niet) (?:meer )?(?:kan |kon )?(?:slapen|slaap)|(?:slaap|sliep) (?:\\w+ )?(?:slecht|nauwelijks|niet)',
    {
      inherent: true,
      accept: mentionsPain,
    },
  ),
  symptom('nachtpijn', `${unable}(?: \\w+){0,2}? (?:meer )?(?:slapen|doorslapen|in slaap)`, {
    inherent: true,
  }),

  // Appointment, article: "Pijn langer dan 6 weken".
  symptom(
    'langer-dan-zes-weken',
    '(?:(\\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|anderhalve|anderhalf|' +
      'paar|enkele|meerdere|aantal|veel|vele|wat) )?(weken|week|maanden|maand|jaren|jaar)',
    { accept: longEnough },
  ),
  symptom(
    'langer-dan-zes-weken',
    'al (?:heel |zo |erg |best |vrij |zeer )?lang|langdurig\\w*|aanhoudend\\w*|houdt (?:\\w+ )?aan|' +
      'wekenlang|maandenlang|jarenlang|' +
      'sinds (?:de |het |vorig |vorige |afgelopen )?(?:zomer|winter|voorjaar|najaar|herfst|lente|kerst|jaar|januari|februari|' +
      'maart|april|mei|juni|juli|augustus|september|oktober|november|december)',
  ),
  symptom('langer-dan-zes-weken', 'chronisch\\w*', { accept: claimsIt }),

  // Appointment, article: "Pijn die erger wordt".
  symptom(
    'erger',
    'erger\\w*|verergert|verergerd|verergering|verergeren|slechter|verslechter\\w*|heviger|heftiger|' +
      'pijnlijker|toenemend\\w*|toeneemt|neemt(?: \\w+){0,2}? toe|meer pijn|steeds (?:meer|harder|feller)',
  ),

  // Appointment, article: "Pijn die uitstraalt" (elsewhere than below the knee).
  symptom('uitstralend', '\\w*stra+l\\w*', { deniedAfter: true }),
  symptom(
    'uitstralend',
    '(?:schiet|schieten|schietende|trekt|trekken|trekkende|doortrekt|doortrekken|doorstraalt)(?: \\w+){0,3}? ' +
      '(?:door )?(?:naar|tot|richting|langs)',
  ),
  // "het gaat door naar mijn bil", not "wanneer gaat de bus naar breda": going somewhere is radiating
  // only when it is the pain or a part of the body it goes to.
  symptom('uitstralend', '(?:loopt|gaat|zakt)(?: \\w+){0,3}? (?:door )?(?:naar|tot|richting|langs)', {
    accept: (match, before, after) => mentionsPain(match, before, after) || towardsTheBody(after),
  }),
  symptom(
    'uitstralend',
    `(?:naar|tot in|in|tot) (?:mijn |mn |de |je )?(?:${elsewhere})(?: \\w+)? (?:trekt|straalt|schiet|uitstraalt|doortrekt|uitstralen|trekken)`,
    { accept: notAPull },
  ),
  symptom(
    'uitstralend',
    `(?:naar|tot in|in|tot) (?:mijn |mn |de |je )?(?:${elsewhere})(?: \\w+)? (?:gaat|loopt|zakt)`,
    { accept: mentionsPain },
  ),
  symptom(
    'uitstralend',
    `(?:voel|voelt) (?:het|dat|die pijn|de pijn|ik het)(?: \\w+){0,2}? (?:ook )?(?:in|naar) (?:mijn |mn |de |je )?(?:${elsewhere})`,
  ),

  // Appointment, article: "Terugkerende rugklachten".
  symptom(
    'terugkerend',
    'terugkomt|terugkomen|terugkeert|terugkerend\\w*|teruggekomen|(?:komt|kwam|kwamen|keert|is)(?: \\w+){0,3}? terug|' +
      'steeds weer|keer op keer|(?:elk|ieder) jaar|komt en gaat|om de haverklap|(?:elke|iedere) keer weer|telkens weer|' +
      'steeds opnieuw|telkens opnieuw|om de (?:paar|zoveel|aantal) (?:weken|maanden|dagen|jaar)|weer te pakken|' +
      '(?:tweede|derde|vierde|vijfde|zoveelste) keer|(?:eerder|vaker|vaak|al eens)(?: \\w+){0,1}? gehad|' +
      '(?:vaak|vaker|regelmatig|af en toe)(?: \\w+){0,2}? (?:last|pijn|rugpijn|rugklachten|klachten|spit)|' +
      'weer (?:last|pijn|rugpijn|rugklachten|spit)|(?:heb|krijg)(?: ik)?(?: het)?(?: steeds)? weer|' +
      // "het gaat weg en dan komt het weer", not "komt het weer goed"
      `(?:gaat|ging|trekt) (?:\\w+ )?(?:weg|over) en (?:dan |daarna |later |na (?:een|een paar|twee|drie) \\w+ )?(?:komt|kwam|keert|begint) (?:het |ie |hij |de pijn )?(?:gewoon )?(?:weer|terug|opnieuw)${notBetter}|` +
      // "telkens als ik denk dat het over is begint het weer"
      `(?:weg|over) is (?:begint|komt) (?:het|ie|hij|de pijn) (?:weer|opnieuw|terug)${notBetter}|` +
      `komt (?:het|ie|hij|de pijn|die pijn) (?:steeds |telkens |elke keer )?weer${notBetter}|` +
      // "het was weg maar nu is het er weer", not "het was over en nu gaat het weer goed"
      `(?:was|is|leek|ging)(?: \\w+){0,2}? (?:weg|over)(?: \\w+){0,3}? (?:is|komt|kwam|zit|begint|was) (?:het|ie|hij|de pijn|die pijn)(?: er)?(?: nu)? (?:weer|terug)${notBetter}`,
  ),

  symptom('terugkerend', 'telkens|alweer|opnieuw|(?:elke|iedere) keer', {
    accept: (match, before, after) =>
      before[before.length - 1] !== 'ook' && mentionsPain(match, before, after),
  }),

  // Appointment, article: "Pijn die beperkt in dagelijks leven".
  symptom(
    'beperkend',
    `${unable}(?: \\w+){0,3}? (?:${activities})|` +
      `(?:kan|kon|kun|lukt|lukte)(?: \\w+){0,2}? (?:${activities})(?: \\w+){0,2}? (?:niet|nauwelijks|amper|moeilijk)|` +
      `(?:${activities})(?: \\w+)? (?:lukt|lukte|gaat|ging)(?: \\w+)? (?:niet|nauwelijks|amper|moeilijk)|` +
      `(?:kan|kon) (?:\\w+ )?(?:bijna |haast )?(?:niks|niets)|` +
      'ziek ?gemeld|ziekgemeld|ziek thuis|thuis van (?:mijn |het )?werk|arbeidsongeschikt|beperk\\w*|' +
      'belemmer\\w*|hinder\\w*|dagelijks leven|dagelijkse (?:leven|dingen|bezigheden|activiteiten)|moeite (?:met|om)|' +
      'krom lopen|loop krom|lig (?:\\w+ ){0,3}?(?:op de bank|in bed|op bed)|' +
      'kom (?:\\w+ ){0,2}?(?:bed|stoel|bank) (?:bijna |haast )?(?:niet |nauwelijks |amper )?(?:meer )?(?:uit|af)|niet uit (?:mijn |mn |m )?bed|' +
      '(?:bed|stoel|bank) (?:bijna |haast )?(?:niet|nauwelijks|amper) (?:meer )?(?:uit|af) (?:kom|kan komen|komen|kon komen)|' +
      `(?:niet|nauwelijks|amper|moeilijk) (?:meer |eens |goed |langer dan (?:\\w+ ){1,2})?(?:kan|kon|kunnen|kun|lukt) (?:${activities})|` +
      `(?:${activities}) (?:niet|nauwelijks|amper) (?:meer |eens )?(?:kan|kon|kunnen|lukt)|` +
      'ziek (?:moeten |gaan )?(?:ge)?meld\\w*|(?:niet|nauwelijks) (?:meer |eens )?op de grond|' +
      '(?:sokken|schoenen|kousen|broek|jas|kleren)(?: \\w+){0,3}? (?:niet|nauwelijks|amper) (?:meer )?(?:\\w+ ){0,2}?(?:aan|uit)(?: \\w+)? (?:trekken|doen|krijgen)|' +
      `(?:niet|nauwelijks|amper) (?:meer )?(?:${everydayMovements})|` +
      // "mijn rug legt mijn hele leven stil"; "door mijn rug kan ik geen les meer geven".
      '(?:legt|leggen|legde)(?: \\w+){0,3}? (?:stil|lam|plat)|' +
      'door (?:mijn |mn |de |die )?(?:rug|rugpijn|pijn)(?: \\w+){0,3}? (?:niet|geen|nauwelijks)(?: \\w+){0,3}? meer|' +
      // verb last: "als ik niks meer kan door mijn rugpijn"
      '(?:bijna |haast )?(?:niks|niets) meer (?:kan|kon|kunnen|lukt)|' +
      // verb last: "als ik door mijn rug niet naar school kan"
      '(?:niet|nauwelijks|amper) (?:meer )?naar (?:school|(?:mijn |mn |het )?werk|kantoor|de sportschool|training|de training) (?:kan|kon|kunnen|ga|gaan)',
    { inherent: true },
  ),
];
