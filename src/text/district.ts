// A neighbourhood's name is not what a tweet is about: "حي النخيل" (the Palms district) is no
// park, "حي الورود" no garden, "حي الروضة" no meadow (issue 13 lexicon audit: Saudi district
// names are often topic words). The word after حي "district" is set aside before the category
// rules and the model look for a topic; urgent signals and repeat matching still see it.
const DISTRICT = new Set(['حي', 'بحي', 'وحي', 'لحي', 'فحي', 'وبحي']);
// A name with the article (النخيل, الياسمين): حي alone before other words can mean "alive".
const NAME = /^ال.{2,}/;

/** Token positions holding a district's name (normalised tokens). */
export function districtNames(tokens: readonly string[]): Set<number> {
  const at = new Set<number>();
  for (let i = 0; i + 1 < tokens.length; i++)
    if (DISTRICT.has(tokens[i]!) && NAME.test(tokens[i + 1]!)) at.add(i + 1);
  return at;
}
