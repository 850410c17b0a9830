import { describe, expect, it } from 'vitest';
import { article } from '../../lambda/src/content/article.js';
import { normalise } from '../../lambda/src/text/index.js';
import { classifySymptom } from '../../lambda/src/triage/classify.js';

type Expected = readonly [phrase: string, level: 'direct' | 'appointment', flag: string];

/** What people say after "moet ik naar de dokter, want …", and the criterion of the article it meets. */
const named: readonly Expected[] = [
  // Pijn die uitstraalt naar het been, onder de knie.
  ['de pijn straalt uit tot in mijn kuit', 'direct', 'uitstralend-been'],
  ['de pijn straalt uit tot in mijn voet', 'direct', 'uitstralend-been'],
  ['Het trekt door naar mijn kuit.', 'direct', 'uitstralend-been'],
  ['het trekt langs de achterkant van mijn been tot aan mijn enkel', 'direct', 'uitstralend-been'],
  ['pijn schiet in mijn been', 'direct', 'uitstralend-been'],
  ['het straalt uit naar mijn been', 'direct', 'uitstralend-been'],
  ['mijn onderbeen doet zeer', 'direct', 'uitstralend-been'],
  ['ik heb zenuwpijn tot onder de knie', 'direct', 'uitstralend-been'],
  // Gevoelloosheid of tintelingen.
  ['mijn been tintelt', 'direct', 'gevoelloos-tintelingen'],
  ['doof gevoel in mijn been', 'direct', 'gevoelloos-tintelingen'],
  ['ik voel mijn voet niet', 'direct', 'gevoelloos-tintelingen'],
  ['Ik heb mierenkriebels in mijn tenen', 'direct', 'gevoelloos-tintelingen'],
  // Legs that go weak: counted with numbness (a safety addition, content/spoken.json "slappe-benen").
  ['mijn benen worden slap', 'direct', 'gevoelloos-tintelingen'],
  ['ik heb geen kracht meer in mijn benen', 'direct', 'gevoelloos-tintelingen'],
  ['soms begeeft mijn been het', 'direct', 'gevoelloos-tintelingen'],
  ['ik zak ineens door mijn knieën', 'direct', 'gevoelloos-tintelingen'],
  ['ik heb geen gevoel in mijn tenen', 'direct', 'gevoelloos-tintelingen'],
  ['mijn voeten slapen steeds', 'direct', 'gevoelloos-tintelingen'],
  ['mijn been is in slaap gevallen', 'direct', 'gevoelloos-tintelingen'],
  ['ik weet het niet, mijn been tintelt', 'direct', 'gevoelloos-tintelingen'],
  // Verlies van controle over blaas of darm.
  ['ik kan mijn plas niet ophouden', 'direct', 'blaas-darm'],
  ['ik plas in mijn broek', 'direct', 'blaas-darm'],
  ['ik kan mijn ontlasting niet ophouden', 'direct', 'blaas-darm'],
  ['ik haal de wc niet meer', 'direct', 'blaas-darm'],
  ['ik kan niet plassen', 'direct', 'blaas-darm'],
  // Koorts.
  ['ik heb koorts', 'direct', 'koorts'],
  ['Ik heb een beetje verhoging', 'direct', 'koorts'],
  ['ik heb 39 graden', 'direct', 'koorts'],
  ['ik weet niet of ik koorts heb', 'direct', 'koorts'],
  // Onverklaarbaar gewichtsverlies.
  ['ik val af zonder reden', 'direct', 'gewichtsverlies'],
  ['ik ben vijf kilo afgevallen', 'direct', 'gewichtsverlies'],
  ['ik ben veel gewicht kwijt', 'direct', 'gewichtsverlies'],
  ['ik ben mager geworden', 'direct', 'gewichtsverlies'],
  ['ik blijf maar afvallen', 'direct', 'gewichtsverlies'],
  ['of het erg is dat ik afval zonder te lijnen', 'direct', 'gewichtsverlies'],
  ['ik zonder reden afval en rugpijn heb', 'direct', 'gewichtsverlies'],
  ['omdat ik zomaar gewicht verlies', 'direct', 'gewichtsverlies'],
  ['ik ben zonder duidelijke oorzaak vijf kilo afgevallen', 'direct', 'gewichtsverlies'],
  // Rugpijn na een ongeval.
  ['ik ben gevallen', 'direct', 'ongeval'],
  ['ik heb een ongeluk gehad', 'direct', 'ongeval'],
  ['aangereden', 'direct', 'ongeval'],
  ['na een val van de ladder', 'direct', 'ongeval'],
  ['ik ben uitgegleden op de trap', 'direct', 'ongeval'],
  ['ik gleed gisteren uit op het ijs', 'direct', 'ongeval'],
  ['ik heb pijn aan de achterkant van mijn been tot in mijn scheen', 'direct', 'uitstralend-been'],
  ['Ik heb een auto-ongeluk gehad.', 'direct', 'ongeval'],
  // Nachtelijke pijn die wakker maakt.
  ["ik word 's nachts wakker van de pijn", 'direct', 'nachtpijn'],
  ['ik word wakker van de pijn', 'direct', 'nachtpijn'],
  ['ik kan niet slapen van de pijn', 'direct', 'nachtpijn'],
  ['de pijn houdt me uit mijn slaap', 'direct', 'nachtpijn'],
  // Pijn langer dan zes weken.
  ['het duurt al twee maanden', 'appointment', 'langer-dan-zes-weken'],
  ['ik heb het al 2 maanden', 'appointment', 'langer-dan-zes-weken'],
  ['langer dan zes weken', 'appointment', 'langer-dan-zes-weken'],
  ['ik heb al weken last', 'appointment', 'langer-dan-zes-weken'],
  ['het is al een half jaar zo', 'appointment', 'langer-dan-zes-weken'],
  ['al anderhalve maand', 'appointment', 'langer-dan-zes-weken'],
  ['mijn rugpijn is chronisch', 'appointment', 'langer-dan-zes-weken'],
  // Pijn die erger wordt.
  ['het wordt steeds erger', 'appointment', 'erger'],
  ['de pijn neemt toe', 'appointment', 'erger'],
  ['het wordt alleen maar slechter', 'appointment', 'erger'],
  // Pijn die uitstraalt (niet tot onder de knie).
  ['het straalt uit', 'appointment', 'uitstralend'],
  ['het straalt uit naar mijn bil', 'appointment', 'uitstralend'],
  ['zeurende pijn die uitstraalt naar mijn bovenbeen', 'appointment', 'uitstralend'],
  // Terugkerende rugklachten.
  ['het komt steeds terug', 'appointment', 'terugkerend'],
  ['ik heb het vaker gehad', 'appointment', 'terugkerend'],
  ['dit is de derde keer dit jaar', 'appointment', 'terugkerend'],
  ['ik heb weer spit', 'appointment', 'terugkerend'],
  // Pijn die beperkt in het dagelijks leven.
  ['ik kan niet meer werken', 'appointment', 'beperkend'],
  ['ik kan nauwelijks lopen', 'appointment', 'beperkend'],
  ['ik kan mijn sokken niet meer aantrekken', 'appointment', 'beperkend'],
  ['ik heb me ziek gemeld', 'appointment', 'beperkend'],
  ['mijn rug legt mijn hele leven stil', 'appointment', 'beperkend'],
  ['wat moet ik doen als ik niks meer kan door mijn rugpijn', 'appointment', 'beperkend'],
  ['het was weg maar nu is het er weer', 'appointment', 'terugkerend'],
  ['het was een tijdje weg en toen kwam het terug', 'appointment', 'terugkerend'],
  ['het gaat helemaal door naar mijn bil', 'appointment', 'uitstralend'],
  ['het gaat door naar mijn linkerbil', 'appointment', 'uitstralend'],
  ['het gaat naar mijn kont', 'appointment', 'uitstralend'],
  ['het zakt naar mijn staartbeen', 'appointment', 'uitstralend'],
  ['ik gleed op het ijs uit', 'direct', 'ongeval'],
  ['het doortrekt tot in mijn scheenbeen', 'direct', 'uitstralend-been'],
  ['als ik door mijn rug niet naar school kan', 'appointment', 'beperkend'],
  ['ik kan door mijn rug geen les meer geven', 'appointment', 'beperkend'],
  ['ik kom mijn bed niet uit', 'appointment', 'beperkend'],
  // A "niet" in the next clause does not deny the symptom before it.
  ['als mijn been slaapt en niet meer wakker wordt', 'direct', 'gevoelloos-tintelingen'],
  ['ik weeg ineens veel minder', 'direct', 'gewichtsverlies'],
  ['ik weeg een stuk minder dan vorig jaar', 'direct', 'gewichtsverlies'],
  ['ik weeg de laatste weken steeds minder', 'direct', 'gewichtsverlies'],
  ['ik weeg zonder reden minder', 'direct', 'gewichtsverlies'],
  ['mijn gewicht daalt', 'direct', 'gewichtsverlies'],
  ['mijn kleren zijn me te groot geworden', 'direct', 'gewichtsverlies'],
  ['het tintelt niet altijd', 'direct', 'gevoelloos-tintelingen'],
  ['het tintelt niet meer zo erg als eerst', 'direct', 'gevoelloos-tintelingen'],
  ['het tintelt niet alleen in mijn voet maar ook in mijn been', 'direct', 'gevoelloos-tintelingen'],
  ['mijn tenen tintelen wat niet normaal is', 'direct', 'gevoelloos-tintelingen'],
  ['mijn been sliep vannacht helemaal', 'direct', 'gevoelloos-tintelingen'],
  ['ik heb veertig graden', 'direct', 'koorts'],
  ['het gaat over en na een paar weken begint het weer', 'appointment', 'terugkerend'],
  ['de weegschaal geeft steeds minder aan', 'direct', 'gewichtsverlies'],
  ['of het erg is dat ik steeds dunner word zonder dieet', 'direct', 'gewichtsverlies'],
  ['wat ik moet doen nu ik mijn bed bijna niet uit kom', 'appointment', 'beperkend'],
  ['het gaat over en dan begint het weer', 'appointment', 'terugkerend'],
  ['telkens als ik denk dat het over is begint het opnieuw', 'appointment', 'terugkerend'],
];

describe("recognising a symptom in the user's own words", () => {
  it.each(named)('"%s" → %s advice for %s', (phrase, level, flag) => {
    expect(classifySymptom(phrase)).toMatchObject({ level, flagId: flag });
  });

  it('has several everyday phrasings for every one of the twelve criteria', () => {
    const ids = [...article.doctor.directContact, ...article.doctor.appointment].map((flag) => flag.id);
    for (const id of ids) expect(named.filter(([, , flag]) => flag === id).length).toBeGreaterThanOrEqual(3);
    expect(named.length).toBeGreaterThanOrEqual(40);
  });

  it('gives the most urgent advice when a direct flag and an appointment criterion are both named', () => {
    expect(classifySymptom('het duurt al twee maanden en mijn been tintelt')).toMatchObject({
      level: 'direct',
      flagId: 'gevoelloos-tintelingen',
    });
    expect(classifySymptom('het wordt erger en ik heb koorts')).toMatchObject({
      level: 'direct',
      flagId: 'koorts',
    });
  });

  it('names every direct flag it heard, not only the first', () => {
    const found = classifySymptom('ik ben gevallen en heb nu koorts');
    expect(found).toMatchObject({ level: 'direct', flagIds: ['koorts', 'ongeval'] });
  });

  it('reads radiation into the leg without saying where as below the knee, for safety', () => {
    expect(classifySymptom('het straalt uit naar mijn been')).toMatchObject({ level: 'direct' });
    expect(classifySymptom('pijn in mijn knie')).toMatchObject({ level: 'direct' });
  });
});

describe('what the classifier does not recognise starts the questionnaire', () => {
  it.each([
    'ik heb rugpijn',
    'het doet pijn',
    'mijn rug is stijf',
    'ik heb een hernia',
    'ik voel me niet lekker',
    'ik wil naar de dokter',
    // A plan to lose weight is not the article's unexplained weight loss; the questionnaire asks about that.
    'ik wil afvallen',
    'ik probeer af te vallen',
    '',
  ])('"%s" is unknown', (phrase) => {
    expect(classifySymptom(phrase)).toEqual({ level: 'unknown' });
  });

  it.each([
    'geen koorts',
    'nee ik heb geen koorts en geen tintelingen',
    'het straalt niet uit',
    'het tintelt niet',
    'ik ben niet gevallen',
    'ik heb geen pijn in mijn been',
    'het wordt niet erger',
    'mijn benen worden niet slap',
    'ik heb geen slappe benen',
  ])('a denied symptom, "%s", is unknown: never read as reassurance', (phrase) => {
    expect(classifySymptom(phrase)).toEqual({ level: 'unknown' });
  });

  it('still hears the symptom that was not denied', () => {
    expect(classifySymptom('geen koorts, wel tintelingen')).toMatchObject({
      flagId: 'gevoelloos-tintelingen',
    });
    expect(classifySymptom('ik heb geen koorts maar het duurt al 2 maanden')).toMatchObject({
      level: 'appointment',
      flagId: 'langer-dan-zes-weken',
    });
  });

  it('does not count a few weeks, an age or a phrase with a second meaning as a criterion', () => {
    for (const phrase of [
      'al drie weken',
      'al een paar weken',
      'ik ben 50 jaar',
      'in veel gevallen helpt het',
      // pain that went and stays gone is not recurring
      'het was over en nu gaat het weer goed',
      'de pijn is weg en ik kan weer werken',
      'het was weg maar nu is het weer goed',
      // going somewhere is not radiating unless the pain or the body goes there
      'hoe laat gaat de trein naar zwolle',
      'het was weg en nu is het weer helemaal goed',
      'ik was een week weg en nu is het weer tijd voor mijn oefeningen',
      'ik ga vandaag niks meer doen',
      // weighing less than someone, or wanting to, is not weight loss; nor is the pain getting lighter
      'ik weeg te veel moet ik minder eten',
      'mag ik mijn kleinkind tillen ze weegt minder dan tien kilo',
      'de krat weegt minder dan ik dacht',
      'ik weeg minder dan mijn broer',
      'ik woog vroeger minder',
      'ik wil minder wegen',
      'mijn tussenwervelschijf wordt dunner',
      'mijn haar wordt steeds dunner',
      'ik hoop dat ik dunner word',
      'het wordt lichter als ik beweeg',
      // pain that goes and gets better is not recurring
      'het gaat over en dan komt het weer goed',
      'als de pijn over is komt het weer goed',
    ]) {
      expect(classifySymptom(phrase), phrase).toEqual({ level: 'unknown' });
    }
  });
});

describe('normalising what Alexa heard', () => {
  it('drops case, diacritics, apostrophes and punctuation', () => {
    expect(normalise("'s Nachts word ik WAKKER, m'n knieën!")).toBe('s nachts word ik wakker mn knieen');
  });
});
