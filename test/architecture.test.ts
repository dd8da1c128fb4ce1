// The README's architecture section is the map a new engineer reads first: it must name every
// folder of src/ and list the layers exactly as scripts/layers.cjs (which lint enforces) has them.
import fs from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAYERS } = require('../scripts/layers.cjs') as { LAYERS: string[][] };
const root = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Architecture'),
  readme.indexOf('\n## ', readme.indexOf('## Architecture') + 3),
);

describe('README architecture section', () => {
  it('lists the layers of scripts/layers.cjs, lowest first', () => {
    const listed = [...section.matchAll(/^\d+\. ((?:`[a-z0-9-]+`(?:, )?)+)/gm)].map((m) =>
      [...m[1]!.matchAll(/`([a-z0-9-]+)`/g)].map((n) => n[1]),
    );
    expect(listed).toEqual(LAYERS);
  });

  it('says what every folder of src/ does', () => {
    const folders = fs
      .readdirSync(path.join(root, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const missing = folders.filter((f) => !section.includes(`\`src/${f}/\``));
    expect(missing).toEqual([]);
  });
});
