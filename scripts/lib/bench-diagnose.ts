/**
 * What an extractor got wrong on one page, in words a developer can act on: the truth's blocks it
 * missed and the blocks of its own output the truth does not have, judged by shared 4-token shingles.
 */
import { shingleCounts, tokenize } from './metric.ts';

export interface BlockSample {
  /** Blocks (lines) of this kind, and their share of the side's tokens. */
  count: number;
  tokenShare: number;
  samples: string[];
}

export interface PageDiagnosis {
  missed: BlockSample;
  added: BlockSample;
}

/** A block counts as present when at least half of its shingles occur in the other text. */
const PRESENT_SHARE = 0.5;

function blocks(text: string): { line: string; tokens: string[] }[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .map((line) => ({ line, tokens: tokenize(line) }))
    .filter((block) => block.tokens.length > 0);
}

/**
 * Whether a block occurs in the other text. The other text's shingles are a multiset that present blocks
 * use up, so a block repeated more often than the other text has it (a duplicated caption) shows.
 */
function takeIfPresent(tokens: string[], remaining: Map<string, number>, otherJoined: string): boolean {
  // Under 4 tokens a block is one short shingle, which never equals a 4-token one: look for the run.
  if (tokens.length < 4) return otherJoined.includes(` ${tokens.join(' ')} `);
  const own = shingleCounts(tokens);
  let found = 0;
  let total = 0;
  for (const [key, count] of own) {
    total += count;
    found += Math.min(count, remaining.get(key) ?? 0);
  }
  if (found / total < PRESENT_SHARE) return false;
  for (const [key, count] of own) {
    const left = remaining.get(key);
    if (left !== undefined) remaining.set(key, Math.max(0, left - count));
  }
  return true;
}

function absentBlocks(from: string, other: string, maxSamples: number, sampleChars: number): BlockSample {
  const otherTokens = tokenize(other);
  const remaining = shingleCounts(otherTokens);
  const otherJoined = ` ${otherTokens.join(' ')} `;
  const all = blocks(from);
  const totalTokens = all.reduce((sum, block) => sum + block.tokens.length, 0);
  const absent = all.filter((block) => !takeIfPresent(block.tokens, remaining, otherJoined));
  const absentTokens = absent.reduce((sum, block) => sum + block.tokens.length, 0);
  // The longest absent blocks say most about which rule is missing.
  const samples = [...absent]
    .sort((a, b) => b.tokens.length - a.tokens.length)
    .slice(0, maxSamples)
    .map((block) => (block.line.length > sampleChars ? `${block.line.slice(0, sampleChars - 1)}…` : block.line));
  return { count: absent.length, tokenShare: totalTokens ? absentTokens / totalTokens : 0, samples };
}

export function diagnosePage(truth: string, prediction: string, maxSamples = 3, sampleChars = 150): PageDiagnosis {
  return {
    missed: absentBlocks(truth, prediction, maxSamples, sampleChars),
    added: absentBlocks(prediction, truth, maxSamples, sampleChars),
  };
}
