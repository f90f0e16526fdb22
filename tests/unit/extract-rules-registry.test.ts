import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '@/lib/extract/rules/registry';

const RULES_DIR = fileURLToPath(new URL('../../lib/extract/rules/', import.meta.url));
/** Files in rules/ that are not rules. */
const NOT_RULES = new Set(['registry.ts', 'types.ts', 'dom-helpers.ts', 'element-measures.ts']);

describe('the extraction rule registry', () => {
  it('lists every rule file, so none is silently left out', () => {
    const ruleFiles = readdirSync(RULES_DIR).filter((file) => file.endsWith('.ts') && !NOT_RULES.has(file));
    const registered = RULES.map((rule) => `${rule.name}.ts`);
    expect(registered.sort()).toEqual(ruleFiles.sort());
  });

  it('lists the rules in the order of their phases: reveal, prepare, clean', () => {
    const phases = RULES.map((rule) => rule.phase);
    expect(phases.lastIndexOf('reveal')).toBeLessThan(phases.indexOf('prepare'));
    expect(phases.lastIndexOf('prepare')).toBeLessThan(phases.indexOf('clean'));
  });

  it('explains every rule in one sentence', () => {
    for (const rule of RULES) expect(rule.why.length, rule.name).toBeGreaterThan(30);
  });
});
