import type { OffsetRange } from '../types.js';

/**
 * What a document says about its own governance, read once per lint before any rule runs.
 * Rules are predicates over these facts; `--format facts` prints them; hover shows them.
 * Every fact keeps the text it was read from (`evidence`) and where (`range`).
 */
export interface FactBase {
  range: OffsetRange;
  /** The words the fact was read from, as written. */
  evidence: string;
  /** Where it was written: front matter, a metadata block, running text or the title. */
  source: 'front-matter' | 'metadata' | 'text' | 'title';
}

export interface AdoptionFact extends FactBase {
  body?: string;
  /** The body is a known municipal body, one from the configuration or one the document defines. */
  bodyKnown: boolean;
  /** ISO date; only a year given → `yearOnly`. */
  date?: string;
  yearOnly?: boolean;
  paragraph?: string;
  diarienummer?: string;
}

export interface StatusFact extends FactBase {
  status: 'utkast' | 'förslag' | 'antagen';
}

/**
 * When the document is reviewed or stops being valid. `interval`, `mandate-period`,
 * `election` and `end-date` are cycles; `as-needed` ("vid behov") and `until-further-notice`
 * give none; `unreadable` has a cadence policylint cannot read ("regelbundet"); `mentioned`
 * speaks of revision without any cadence.
 */
export interface ReviewFact extends FactBase {
  kind: 'interval' | 'mandate-period' | 'election' | 'end-date' | 'as-needed' | 'until-further-notice' | 'unreadable' | 'mentioned';
  /** Years between reviews. */
  years?: number;
  /** ISO date by which it is reviewed or its validity ends. */
  until?: string;
  /** The words that gave the cadence or the date. */
  cadence?: string;
  /** Who revises it, when the statement says. */
  by?: string;
}

export type ResponsibilityRole = 'owner' | 'lead' | 'coordination' | 'revision' | 'follow-up' | 'execution';

export interface ResponsibilityFact extends FactBase {
  actor: string;
  /**
   * body: a known, configured or defined body or an official's title; organisation: a group
   * the document does not define; vague: names nobody ("berörd förvaltning"); other: a name
   * policylint cannot place.
   */
  kind: 'body' | 'defined' | 'organisation' | 'vague' | 'other';
  role: ResponsibilityRole;
  /** What the actor is responsible for, as written ("strategisk ledning och samordning"). */
  duty?: string;
}

export interface FollowUpFact extends FactBase {
  /** What is followed up ("det internationella arbetet"). */
  what?: string;
  frequency?: string;
  /** To whom, or through which report ("kommunstyrelsen", "årsredovisningen"). */
  recipient?: string;
  /** Parts the statement lacks: frequency, recipient. */
  missing: string[];
  /** A cadence policylint found but cannot read ("regelbundet"). */
  unclear?: string;
}

export interface TextFact extends FactBase {
  value: string;
}

/** A body the configuration or the document itself introduces. */
export interface DefinedBody {
  name: string;
  description?: string;
  origin: 'config' | 'document';
  range?: OffsetRange;
}

export interface GovernanceFacts {
  adoption?: AdoptionFact;
  status?: StatusFact;
  review: ReviewFact[];
  responsibilities: ResponsibilityFact[];
  followUp: FollowUpFact[];
  owner?: TextFact;
  scope?: TextFact;
  version?: TextFact;
  replaces?: TextFact;
  validFrom?: TextFact;
  related: TextFact[];
  bodies: DefinedBody[];
}

/** The review facts that give a cycle (interval, mandate period, election, end date). */
export function cycles(facts: GovernanceFacts): ReviewFact[] {
  return facts.review.filter((r) => r.kind === 'interval' || r.kind === 'mandate-period' || r.kind === 'election' || r.kind === 'end-date');
}

/** The facts of a document that states nothing about its governance. */
export function noFacts(): GovernanceFacts {
  return { review: [], responsibilities: [], followUp: [], related: [], bodies: [] };
}
