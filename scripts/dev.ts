// `npm run dev`: the game server and Vite's dev server side by side. Vite serves the client with
// hot reload and proxies /colyseus (the game's WebSocket endpoint), /api and /health to the game
// server, which restarts by itself when server code changes (tsx watch).
import { spawn } from 'node:child_process';
import { createServer } from 'vite';

const serverPort = Number(process.env.LEVERAGE_DEV_SERVER_PORT ?? 2567);
const vitePort = Number(process.env.PORT ?? 5173);
process.env.LEVERAGE_DEV_SERVER_PORT = String(serverPort);

const game = spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: String(serverPort), LEVERAGE_CLIENT_DIR: 'client-not-built-in-dev' },
});

const vite = await createServer({ configFile: 'vite.config.ts', server: { port: vitePort, host: true } });
await vite.listen();
console.log('');
console.log(`Leverage (development): open http://localhost:${vitePort}/`);
console.log(`  game server on port ${serverPort}, reached through Vite's proxy; edits reload the page.`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  game.kill('SIGINT');
  await vite.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
game.on('exit', (code) => {
  if (!stopping) {
    console.error(`The game server stopped (${code}).`);
    void stop();
  }
});
