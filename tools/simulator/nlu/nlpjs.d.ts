// nlp.js ships no type declarations; these cover what the simulator uses of it.
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
  }
  export function containerBootstrap(): Container;
}

declare module '@nlpjs/lang-nl' {
  export const LangNl: unknown;
  export class StemmerNl {
    stemWord(word: string): string;
  }
  export class StopwordsNl {
    isStopword(word: string): boolean;
  }
}

declare module '@nlpjs/nlu' {
  import type { Container } from '@nlpjs/core';
  export interface Classification {
    intent: string;
    score: number;
  }
  export class NluNeural {
    constructor(settings: Record<string, unknown>, container: Container);
    train(corpus: { utterance: string; intent: string }[]): Promise<void>;
    process(utterance: string): Promise<{ classifications: Classification[] }>;
    toJSON(): unknown;
    fromJSON(json: unknown): void;
  }
}
