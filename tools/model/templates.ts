import { defined } from '../defined.js';

/**
 * Phrase templates for the interaction model: "(ik wil|laten we) {exercise} (doen|)" stands for every
 * sentence its choices make. Choices nest; an empty choice makes a part optional. Written by hand
 * because no maintained package expands this small grammar without pulling in a parser generator.
 */

type Part = string | Part[][];

/** Splits a template into literal text and choice groups, each choice a sequence of parts. */
function parse(template: string): Part[] {
  let at = 0;
  function sequence(inGroup: boolean): Part[] {
    const parts: Part[] = [];
    let text = '';
    while (at < template.length) {
      const char = defined(template[at]);
      if (char === '(') {
        at += 1;
        if (text) parts.push(text);
        text = '';
        parts.push(group());
      } else if (inGroup && (char === '|' || char === ')')) {
        break;
      } else if (char === ')' || char === '|') {
        throw new Error(`unbalanced "${char}" in template "${template}"`);
      } else {
        text += char;
        at += 1;
      }
    }
    if (text) parts.push(text);
    return parts;
  }
  function group(): Part[][] {
    const choices: Part[][] = [sequence(true)];
    while (template[at] === '|') {
      at += 1;
      choices.push(sequence(true));
    }
    if (template[at] !== ')') throw new Error(`unclosed "(" in template "${template}"`);
    at += 1;
    return choices;
  }
  return sequence(false);
}

function expandParts(parts: readonly Part[]): string[] {
  let sentences = [''];
  for (const part of parts) {
    const options = typeof part === 'string' ? [part] : part.flatMap(expandParts);
    sentences = sentences.flatMap((start) => options.map((option) => start + option));
  }
  return sentences;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Every sentence a template stands for, with spaces tidied, in a stable order, without repeats. With
 * `max`, at most that many, picked with a stride coprime to the count so that every choice of every
 * group still appears: a template of many choices must not outweigh the other intents in the model.
 */
export function expand(template: string, max = Number.POSITIVE_INFINITY): string[] {
  const sentences = [
    ...new Set(
      expandParts(parse(template))
        .map((s) => s.replace(/\s+/g, ' ').trim())
        .filter((s) => s.length > 0),
    ),
  ];
  if (sentences.length <= max) return sentences;
  let stride = Math.ceil(sentences.length / max);
  while (gcd(stride, sentences.length) !== 1) stride += 1;
  return Array.from({ length: max }, (_, i) => defined(sentences[(i * stride) % sentences.length]));
}
