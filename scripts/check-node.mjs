// Every npm script runs on the Node 22 that the `node` dev dependency installs into
// node_modules/.bin (npm puts it first on PATH). Something started on an older Node
// (an editor's test runner, a bare `node server/...`) stops here with a sentence instead
// of failing later with `WebSocket is not defined` or a Vitest engine error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(
    `Leverage needs Node 22.13 or newer, but this is Node ${process.versions.node}.\n` +
      'Run it through npm (npm start, npm test, npm run ...), which uses the Node 22 that\n' +
      '`npm install` puts in node_modules/.bin, or install Node 22 yourself.',
  );
  process.exit(1);
}
