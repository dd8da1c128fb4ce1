// The layers of src/, lowest first: a folder may import only folders of lower layers (never one
// of its own layer, never one above). eslint.config.mjs enforces it import by import and
// scripts/check-imports.js also refuses any cycle between files; README "Architecture" explains it.
const LAYERS = [
  ['log'],
  ['config'],
  ['store'], // the only code that knows MongoDB; nothing of the domain
  ['text', 'sla', 'channel'], // channel: the port a channel (X, …) implements
  ['rules'], // the rule language and the shape of each rule file
  ['reply', 'followup'],
  ['outcome'],
  ['classify'],
  ['decide'],
  ['pack'], // loading, checking and watching a rules/ folder
  ['policy'], // what the bot runs on: classifier + policy built from a pack, hot reload
  ['tickets', 'x'],
  ['queue', 'health'],
  ['notify', 'privacy', 'open311', 'route'], // route: what the bot does with a mention (pure)
  ['bot', 'console'],
  ['sandbox'],
  ['app'], // the composition root
  ['cli'],
];

/** Folder → the folders it must not import. */
function forbidden() {
  const out = {};
  LAYERS.forEach((layer, i) => {
    const above = LAYERS.slice(i).flat();
    for (const f of layer) out[f] = above.filter((g) => g !== f);
  });
  return out;
}

module.exports = { LAYERS, forbidden };
