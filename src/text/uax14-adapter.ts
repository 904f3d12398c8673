// Where UAX #14 allows a break. Temporary bridge to the `linebreak` package until
// src/text/uax14.ts (findBreakOpportunities) lands; same signature.
import { createRequire } from 'node:module';

export interface BreakOpportunity {
  position: number;
  required: boolean;
}

interface LineBreakerLike {
  nextBreak(): { position: number; required: boolean } | null;
}
const require = createRequire(import.meta.url);
const LineBreaker = require('linebreak') as new (text: string) => LineBreakerLike;

export function findBreakOpportunities(text: string): BreakOpportunity[] {
  const out: BreakOpportunity[] = [];
  const lb = new LineBreaker(text);
  for (let b = lb.nextBreak(); b; b = lb.nextBreak()) out.push({ position: b.position, required: b.required });
  return out;
}
