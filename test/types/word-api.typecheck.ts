/**
 * Compile-time test, run by `tsc --noEmit -p .`: Office.js's own types (@types/office-js) must
 * satisfy the structural interfaces the Word adapter is written against. If our interfaces
 * name a member Word does not have, or type one differently, this file stops compiling.
 */
/// <reference types="office-js" />
import type {
  OfficeCustomXmlParts,
  WordRequestContext,
  WordRun,
} from "../../src/hosts/word/word-api";

type Assert<T extends true> = T;
type Satisfies<Actual, Ours> = [Actual] extends [Ours] ? true : false;

export type WordContextSatisfiesOurs = Assert<Satisfies<Word.RequestContext, WordRequestContext>>;
export type CommonPartsSatisfyOurs = Assert<Satisfies<Office.CustomXmlParts, OfficeCustomXmlParts>>;

// Word.run, as office-host.ts calls it, accepts our batches.
export const runAdapter: (run: typeof Word.run) => WordRun = (run) => (batch) =>
  run((context) => batch(context));
