import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import articleJson from '../../content/article.json';
import { article, exerciseById, tipById, tipByNumber } from '../../lambda/src/content/article.js';
import { type Article, articleSchema } from '../../lambda/src/content/schema.js';
import { spoken } from '../../lambda/src/text/index.js';
import { checkContent } from '../../tools/check-content.js';
import { defined } from '../../tools/defined.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const seedCopyPath = `${repoRoot}content/source/rugpijn-artikel.txt`;
// In CI the shared folder sits beside the fresh clone; locally too.
const seedOriginalPath = `${repoRoot}../shared/seeds/000_9f08ce7d321f53ea.txt`;
const seedText = readFileSync(seedCopyPath, 'utf8');

/** Compares text as a listener hears it: case, white space and dash kinds do not matter. */
function norm(text: string): string {
  return text
    .normalize('NFC')
    .replace(/Bekkenkantelilng/gi, 'Bekkenkanteling') // the article's typo, fixed in content
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The seed as the article's structure, parsed from its text; it remembers which lines it used. */
interface SeedArticle {
  title: string;
  publisher: string;
  date: string;
  summary: string;
  disclaimer: string;
  intro: string;
  whatIs: string;
  kinds: string[];
  places: string[];
  commonShare: string;
  commonHeading: string;
  commonItems: string[];
  lessCommonHeading: string;
  lessCommonItems: string[];
  rareItems: string[];
  tips: { number: number; title: string; intro: string; bullets: string[] }[];
  exercises: { title: string; steps: string[] }[];
  directContact: string[];
  appointment: string[];
  conclusionIntro: string;
  conclusionPoints: string[];
  conclusionClosing: string;
  faqAnswer: string;
  /** Non-empty lines from the title to the FAQ answer that no part of the walk consumed. */
  unread: string[];
}

const bulletLine = /^\s+•\s+(.+)$/;
const numberedLine = /^\s+(\d+)\.\s+(.+)$/;

function parseSeed(text: string): SeedArticle {
  const lines = text.split('\n');
  const used = new Set<number>();
  const take = (i: number): string => {
    used.add(i);
    return (lines[i] ?? '').trim();
  };
  const indexOf = (heading: string, from = 0): number => {
    const i = lines.findIndex((line, n) => n >= from && line.trim() === heading);
    if (i < 0) throw new Error(`seed heading not found: ${heading}`);
    used.add(i);
    return i;
  };
  /** Line numbers strictly between two headings (the end heading searched after the start). */
  const range = (start: string, end: string, from = 0): number[] => {
    const a = indexOf(start, from);
    const b = indexOf(end, a + 1);
    return Array.from({ length: b - a - 1 }, (_, k) => a + 1 + k);
  };
  const bullets = (ns: number[]) =>
    ns.filter((n) => bulletLine.test(lines[n] ?? '')).map((n) => take(n).replace(/^•\s+/, ''));
  const plain = (ns: number[]) =>
    ns.filter((n) => (lines[n] ?? '').trim() !== '' && !/^\s/.test(lines[n] ?? '')).map(take);

  const firstLine = take(0);
  const title = firstLine.split(' - ')[0] ?? '';
  take(1); // the site's category ("Gezondheid")
  const titleLine = indexOf(title, 2);
  const bylineIndex = lines.findIndex((line) => /^Redactie /.test(line));
  const publisher = take(bylineIndex).replace(/^Redactie /, '');
  const summary = plain(
    Array.from({ length: bylineIndex - titleLine - 1 }, (_, k) => titleLine + 1 + k),
  ).join(' ');
  const date = take(bylineIndex + 1);
  take(bylineIndex + 2); // reading time

  const disclaimerAt = indexOf('Medische Disclaimer');
  const disclaimer = take(disclaimerAt + 2);
  const intro = plain(
    range('Medische Disclaimer', 'Wat is rugpijn?').filter((n) => n > disclaimerAt + 2),
  ).join(' ');
  const whatIs = plain(range('Wat is rugpijn?', 'Soorten rugpijn')).join(' ');
  const kinds = bullets(range('Soorten rugpijn', 'Waar in de rug?'));
  const places = bullets(range('Waar in de rug?', 'Oorzaken van rugpijn'));

  const common = range('Meest voorkomende oorzaken (90%)', 'Minder voorkomende oorzaken');
  const commonShare = /\((\d+%)\)/.exec(lines[indexOf('Meest voorkomende oorzaken (90%)')] ?? '')?.[1] ?? '';
  const lessCommon = range('Minder voorkomende oorzaken', 'Zeldzame oorzaken');
  const rare = range('Zeldzame oorzaken', '13 Tips tegen rugpijn');

  const tips: SeedArticle['tips'] = [];
  for (const n of range('13 Tips tegen rugpijn', 'Effectieve oefeningen')) {
    const line = lines[n] ?? '';
    const heading = /^(\d+)\. (.+)$/.exec(line);
    if (heading) tips.push({ number: Number(heading[1]), title: take(n), intro: '', bullets: [] });
    else if (bulletLine.test(line)) tips.at(-1)?.bullets.push(...bullets([n]));
    else if (line.trim() !== '' && tips.at(-1)) defined(tips.at(-1)).intro = take(n);
  }
  for (const tip of tips) tip.title = tip.title.replace(/^\d+\.\s+/, '');

  const exercises: SeedArticle['exercises'] = [];
  for (const n of range('Effectieve oefeningen', 'Wanneer naar de huisarts?')) {
    const line = lines[n] ?? '';
    const step = numberedLine.exec(line);
    if (step) {
      used.add(n);
      exercises.at(-1)?.steps.push(step[2] ?? '');
    } else if (line.trim() !== '') exercises.push({ title: take(n), steps: [] });
  }

  const conclusion = range('Conclusie', 'Veelgestelde Vragen');
  const conclusionPoints = conclusion
    .filter((n) => numberedLine.test(lines[n] ?? ''))
    .map((n) => take(n).replace(/^\d+\.\s+/, ''));
  const [conclusionIntro = '', ...closing] = plain(conclusion);

  return {
    title,
    publisher,
    date,
    summary,
    disclaimer,
    intro,
    whatIs,
    kinds,
    places,
    commonShare,
    commonHeading: plain(common).join(' ').replace(/:$/, ''),
    commonItems: bullets(common),
    lessCommonHeading: plain(lessCommon).join(' ').replace(/:$/, ''),
    lessCommonItems: bullets(lessCommon),
    rareItems: bullets(rare),
    tips,
    exercises,
    directContact: bullets(range('Direct contact opnemen bij:', 'Maak een afspraak bij:')),
    appointment: bullets(range('Maak een afspraak bij:', 'Conclusie')),
    conclusionIntro,
    conclusionPoints,
    conclusionClosing: closing.join(' '),
    faqAnswer: plain(range('Veelgestelde Vragen', 'Redactie NederlandseGids', disclaimerAt + 1)).join(' '),
    unread: lines
      .map((line, n) => ({ line: line.trim(), n }))
      .filter(({ line, n }) => line !== '' && n <= indexOf('Veelgestelde Vragen') + 2 && !used.has(n))
      .map(({ line }) => line),
  };
}

/** Every place where the content does not hold what the seed says; empty when content covers the seed. */
function seedWalk(text: string, content: Article): string[] {
  const seed = parseSeed(text);
  const problems: string[] = seed.unread.map((line) => `seed line not covered by the walk: "${line}"`);
  const same = (where: string, fromSeed: string, inContent: string) => {
    if (norm(fromSeed) !== norm(inContent))
      problems.push(`${where}: seed "${fromSeed}", content "${inContent}"`);
  };
  const sameList = (where: string, fromSeed: readonly string[], inContent: readonly string[]) => {
    const contentSet = new Set(inContent.map(norm));
    const seedSet = new Set(fromSeed.map(norm));
    const missing = fromSeed.filter((item) => !contentSet.has(norm(item)));
    const extra = inContent.filter((item) => !seedSet.has(norm(item)));
    problems.push(...missing.map((item) => `${where}: missing "${item}"`));
    problems.push(...extra.map((item) => `${where}: not in seed "${item}"`));
    if (
      missing.length + extra.length === 0 &&
      fromSeed.map(norm).join('|') !== inContent.map(norm).join('|')
    ) {
      problems.push(`${where}: order differs from the seed`);
    }
  };

  same('source.title', seed.title, content.source.title);
  same('source.publisher', seed.publisher, content.source.publisher);
  same('source.date', seed.date, content.source.date);
  same('source.summary', seed.summary, content.source.summary ?? '');
  same('disclaimer.full', seed.disclaimer, content.disclaimer.full.join(' '));
  same('intro', seed.intro, content.intro.join(' '));
  same('whatIs', seed.whatIs, content.whatIs.join(' '));
  sameList(
    'kinds',
    seed.kinds,
    content.kinds.map((k) => `${k.name} - ${k.description}`),
  );
  sameList(
    'places',
    seed.places,
    content.places.map((p) => `${p.name}${p.note ? ` (${p.note})` : ''} - ${p.description}`),
  );
  same('causes.common.share', seed.commonShare, content.causes.common.share);
  same('causes.common.heading', seed.commonHeading, content.causes.common.heading);
  sameList('causes.common.items', seed.commonItems, content.causes.common.items);
  same('causes.lessCommon.heading', seed.lessCommonHeading, content.causes.lessCommon.heading);
  sameList(
    'causes.lessCommon.items',
    seed.lessCommonItems,
    content.causes.lessCommon.items.map((c) => `${c.name} - ${c.description}`),
  );
  sameList('causes.rare.items', seed.rareItems, content.causes.rare.items);

  sameList(
    'tips (titles)',
    seed.tips.map((t) => `${t.number}. ${t.title}`),
    content.tips.map((t) => `${t.number}. ${t.title}`),
  );
  for (const seedTip of seed.tips) {
    const tip = content.tips.find((t) => t.number === seedTip.number);
    if (!tip) continue;
    same(`tip ${tip.number} intro`, seedTip.intro, tip.intro);
    sameList(`tip ${tip.number} (${tip.id}) bullets`, seedTip.bullets, tip.bullets);
  }

  sameList(
    'exercises (titles)',
    seed.exercises.map((e) => e.title),
    content.exercises.map((e) => e.title),
  );
  for (const seedExercise of seed.exercises) {
    const exercise = content.exercises.find((e) => norm(e.title) === norm(seedExercise.title));
    if (!exercise) continue;
    sameList(`exercise ${exercise.id} steps`, seedExercise.steps, exercise.steps);
    const steps = seedExercise.steps.join(' | ');
    const hold = /Houd (\d+)-(\d+) seconden/i.exec(steps);
    const expectedHold = hold ? { min: Number(hold[1]), max: Number(hold[2]) } : undefined;
    if (JSON.stringify(expectedHold) !== JSON.stringify(exercise.holdSeconds)) {
      problems.push(
        `exercise ${exercise.id} holdSeconds: seed ${JSON.stringify(expectedHold)}, content ${JSON.stringify(exercise.holdSeconds)}`,
      );
    }
    const repetitions = Number(/Herhaal (\d+)x/i.exec(steps)?.[1] ?? 1);
    if (repetitions !== exercise.repetitions) {
      problems.push(
        `exercise ${exercise.id} repetitions: seed ${repetitions}, content ${exercise.repetitions}`,
      );
    }
    const perSide = /wissel van been|per been/i.test(steps);
    if (perSide !== exercise.perSide) {
      problems.push(`exercise ${exercise.id} perSide: seed ${perSide}, content ${exercise.perSide}`);
    }
  }

  sameList(
    'doctor.directContact',
    seed.directContact,
    content.doctor.directContact.map((f) => f.text),
  );
  sameList(
    'doctor.appointment',
    seed.appointment,
    content.doctor.appointment.map((f) => f.text),
  );
  same('conclusion.intro', seed.conclusionIntro, content.conclusion.intro);
  sameList(
    'conclusion.points',
    seed.conclusionPoints,
    content.conclusion.points.map((p) => `${p.title} - ${p.text}`),
  );
  same('conclusion.closing', seed.conclusionClosing, content.conclusion.closing.join(' '));
  same('faq bewegen', seed.faqAnswer, content.faq.find((f) => f.id === 'bewegen')?.answer.join(' ') ?? '');
  return problems;
}

const copyOf = (a: Article): Article => structuredClone(a);

describe('content/article.json', () => {
  it('is accepted by the article schema and by the content check', () => {
    expect(articleSchema.safeParse(articleJson).error?.issues ?? []).toEqual([]);
    const report = checkContent();
    expect(report.files.filter((f) => f.errors.length > 0)).toEqual([]);
    expect(report.files.find((f) => f.file === 'article.json')?.checked).toBe(true);
  });

  it('keeps a verbatim copy of the seed article', () => {
    expect(seedText).toContain('Wat te Doen Tegen Rugpijn?');
    if (existsSync(seedOriginalPath)) expect(seedText).toBe(readFileSync(seedOriginalPath, 'utf8'));
  });

  it('holds every tip, bullet, exercise, step, flag, kind, place, cause and conclusion of the seed', () => {
    expect(seedWalk(seedText, article)).toEqual([]);
  });

  it('parses the whole seed, so that an empty parse cannot pass the walk', () => {
    const seed = parseSeed(seedText);
    expect(seed.tips).toHaveLength(13);
    expect(seed.tips.flatMap((t) => t.bullets)).toHaveLength(51);
    expect(seed.exercises.map((e) => e.steps.length)).toEqual([5, 5, 5, 5, 5]);
    expect([seed.directContact.length, seed.appointment.length]).toEqual([7, 5]);
    expect([seed.kinds.length, seed.places.length]).toEqual([3, 3]);
    expect([seed.commonItems.length, seed.lessCommonItems.length, seed.rareItems.length]).toEqual([6, 5, 4]);
    expect(seed.conclusionPoints).toHaveLength(5);
    expect(seed.faqAnswer).toMatch(/^Ja!/);
    expect(seed.disclaimer).toContain('bel 112');
    expect(seed.unread).toEqual([]);
  });

  describe('the walk fails when content loses a piece of the article', () => {
    it('a deleted tip bullet', () => {
      const broken = copyOf(article);
      defined(broken.tips[2]).bullets.splice(3, 1);
      expect(seedWalk(seedText, broken)).toEqual([
        'tip 3 (pijnstillers) bullets: missing "Lees de bijsluiter"',
      ]);
    });

    it('bullets in another order than the article', () => {
      const broken = copyOf(article);
      defined(broken.tips[10]).bullets.reverse();
      expect(seedWalk(seedText, broken)).toEqual(['tip 11 (tillen) bullets: order differs from the seed']);
    });

    it('a deleted exercise step', () => {
      const broken = copyOf(article);
      defined(broken.exercises[1]).steps.splice(1, 1);
      expect(seedWalk(seedText, broken)).toContain(
        'exercise kat-koe steps: missing "Rond je rug omhoog (kat)"',
      );
    });

    it('a hold or a repeat count that differs from the steps', () => {
      const broken = copyOf(article);
      defined(broken.exercises[0]).holdSeconds = { min: 20, max: 40 };
      defined(broken.exercises[3]).repetitions = 12;
      const problems = seedWalk(seedText, broken);
      expect(problems.some((p) => p.startsWith('exercise knie-naar-borst holdSeconds'))).toBe(true);
      expect(problems).toContain('exercise brug repetitions: seed 10, content 12');
    });

    it('a red flag or criterion reworded', () => {
      const broken = copyOf(article);
      defined(broken.doctor.directContact[6]).text = 'Pijn in de nacht';
      broken.doctor.appointment.pop();
      const problems = seedWalk(seedText, broken);
      expect(problems).toContain('doctor.directContact: missing "Nachtelijke pijn die wakker maakt"');
      expect(problems).toContain('doctor.appointment: missing "Pijn die beperkt in dagelijks leven"');
    });

    it('a deleted cause or a changed kind', () => {
      const broken = copyOf(article);
      broken.causes.rare.items.pop();
      defined(broken.kinds[2]).description = 'langer dan 6 maanden';
      const problems = seedWalk(seedText, broken);
      expect(problems).toContain('causes.rare.items: missing "Orgaanproblemen"');
      expect(problems).toContain('kinds: missing "Chronische rugpijn - langer dan 3 maanden"');
    });

    it('an invented sentence added to the FAQ answer', () => {
      const broken = copyOf(article);
      defined(broken.faq[0]).answer.push('Rugpijn gaat altijd binnen een week over.');
      expect(seedWalk(seedText, broken).some((p) => p.startsWith('faq bewegen'))).toBe(true);
    });
  });
});

describe('the content contract other modules use', () => {
  it('fixes the article typo in the pelvic tilt title', () => {
    expect(exerciseById('bekkenkanteling')?.title).toBe('Bekkenkanteling');
    expect(JSON.stringify(article)).not.toMatch(/kantelilng/i);
  });

  it('gives the article numbers as numbers', () => {
    expect(exerciseById('knie-naar-borst')).toMatchObject({
      holdSeconds: { min: 20, max: 30 },
      repetitions: 3,
      perSide: true,
    });
    expect(exerciseById('kat-koe')).toMatchObject({ repetitions: 10, perSide: false, secondsPerMovement: 3 });
    expect(exerciseById('bekkenkanteling')).toMatchObject({ repetitions: 10, secondsPerMovement: 3 });
    expect(exerciseById('brug')).toMatchObject({ holdSeconds: { min: 5, max: 10 }, repetitions: 10 });
    expect(exerciseById('hamstrings')).toMatchObject({
      title: 'Stretchen hamstrings',
      holdSeconds: { min: 20, max: 30 },
      repetitions: 1,
      perSide: true,
    });
  });

  it('looks tips up by number and id, and answers undefined for unknown ones', () => {
    expect(tipByNumber(11)?.id).toBe('tillen');
    expect(tipById('matras')?.topics).toEqual(expect.arrayContaining(['matras', 'kussen', 'slapen', 'bed']));
    expect(tipById('tillen')?.topics).toEqual(expect.arrayContaining(['tillen', 'optillen', 'sjouwen']));
    expect(tipByNumber(14)).toBeUndefined();
    expect(tipById('yoga')).toBeUndefined();
    expect(exerciseById('plank')).toBeUndefined();
  });

  it('speaks a one-sentence disclaimer that sends the user to the GP when in doubt', () => {
    expect(article.disclaimer.short).toMatch(/geen medisch advies/);
    expect(article.disclaimer.short).toMatch(/huisarts/);
    expect(article.disclaimer.short.split(/[.!?](\s|$)/).filter((s) => s.trim()).length).toBe(1);
    expect(article.disclaimer.full.join(' ')).toContain('bel 112');
  });

  it('asks about each red flag in plain words, without the article’s shorthand', () => {
    for (const flag of [...article.doctor.directContact, ...article.doctor.appointment]) {
      const said = spoken.criteria[flag.id]?.say ?? '';
      expect(said).toMatch(/^[a-z'’]/);
      expect(said).not.toMatch(/[/()]/);
    }
    expect(article.faq.find((f) => f.id === 'bewegen')?.question).toBe('Mag ik bewegen met rugpijn?');
  });
});
