// rules/tests.yml through the active classifier (rules + model), as `mujib rules test` does:
// a case passes when both the category and the urgent flag come out as written.
import type { ActiveRules } from '../../policy/runtime';

export interface RuleTestFailure {
  file: string;
  line: number;
  text: string;
  expected: { category: string; urgent: boolean };
  got: { category: string; urgent: boolean; source: string; rule?: string; confidence: number };
}

export interface RuleTestReport {
  total: number;
  passed: number;
  failures: RuleTestFailure[];
}

export function runRuleTests(rules: ActiveRules): RuleTestReport {
  const failures: RuleTestFailure[] = [];
  for (const c of rules.pack.tests) {
    const d = rules.classifier.classify(c.text);
    const urgent = c.urgent ?? false;
    if (d.category === c.category && d.urgent === urgent) continue;
    failures.push({
      file: c.file,
      line: c.line,
      text: c.text,
      expected: { category: c.category, urgent },
      got: {
        category: d.category,
        urgent: d.urgent,
        source: d.source,
        confidence: d.confidence,
        ...(d.rule ? { rule: d.rule } : {}),
      },
    });
  }
  return { total: rules.pack.tests.length, passed: rules.pack.tests.length - failures.length, failures };
}
