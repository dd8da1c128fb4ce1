// The development set (bench/devset) measures the product; it must never be trained on. A
// dev-set tweet that also appears (after normalisation) in rules/training would make every
// number the bench prints a lie.
import path from 'node:path';
import { readDevSet } from '../src/classify/devset';
import { readTrainingDir } from '../src/classify/training-set';
import { normalize, stripHandlesAndUrls } from '../src/text';

const key = (text: string) =>
  stripHandlesAndUrls(normalize(text))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const dev = readDevSet(path.resolve(__dirname, '..', 'bench', 'devset'));

test('the dev set is big enough and every line parses', () => {
  expect(dev.length).toBeGreaterThanOrEqual(300);
  expect(dev.filter((c) => c.urgent).length).toBeGreaterThanOrEqual(60);
  expect(dev.filter((c) => c.crisis).length).toBeGreaterThanOrEqual(20);
  expect(dev.filter((c) => c.route === 'integrity').length).toBeGreaterThanOrEqual(15);
  // About a third is held out as the final check.
  const held = dev.filter((c) => c.holdout).length / dev.length;
  expect(held).toBeGreaterThan(0.2);
  expect(held).toBeLessThan(0.45);
});

test('no dev-set tweet is a training example (normalised)', () => {
  const training = new Set(
    readTrainingDir(path.resolve(__dirname, '..', 'rules')).flatMap((s) => s.examples.map(key)),
  );
  const leaked = dev.filter((c) => training.has(key(c.text))).map((c) => `${c.file}:${c.line}: ${c.text}`);
  expect(leaked).toEqual([]);
});

test('the check would catch a leak: the same tweet with other spelling and a handle', () => {
  expect(key('@Amana_Sandbox حفرةٌ كبيرة!! في الشارع')).toBe(key('حفره كبيره في الشارع'));
});
