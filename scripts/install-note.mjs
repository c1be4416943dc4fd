// After `npm install`: on a system Node older than 22, npm has just printed a few dozen
// "npm warn EBADENGINE Unsupported engine" lines, because Colyseus and Vitest ask for Node 22.
// They are expected and harmless here, and npm has no setting that silences them alone (only
// loglevel=error, which would hide every other warning too), so say so where the reader looks:
// right under them. The Node that ran npm is named in npm's user agent ("npm/11 node/v20.20.2 ...").
const agent = process.env.npm_config_user_agent ?? '';
const m = /\bnode\/v(\d+)\.(\d+)\.(\d+)/.exec(agent);
if (m) {
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major < 22 || (major === 22 && minor < 13)) {
    console.log(
      [
        '',
        `Leverage: the "EBADENGINE Unsupported engine" warnings above are expected on Node ${m[1]}.${m[2]}.${m[3]}.`,
        'Some packages ask for Node 22. This project installs Node 22 itself (the `node` dev dependency,',
        'in node_modules/.bin), and npm start, npm test and every npm run script use it: nothing to fix.',
        '',
      ].join('\n'),
    );
  }
}
