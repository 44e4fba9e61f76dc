// Preloaded by bin/ktool when it runs the machine's node: one line instead of the SyntaxError an
// older Node throws at the bundle's first import (CommonJS, so it runs on any Node before the ESM loader).
'use strict';
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `error: ktool needs Node.js >= 22.12; the node on PATH (${process.execPath}) is ${process.version}\n` +
      'hint: install a newer Node, or use the standalone executable (README, Install)\n',
  );
  process.exit(1);
}
