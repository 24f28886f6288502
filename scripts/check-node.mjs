// Fails loudly when a script runs on a Node older than the one the project pins (24).
// npm puts node_modules/.bin first on PATH, so `node` in npm scripts is the pinned devDependency;
// this guard catches calls that bypass npm (for example a bare `node src/server/main.ts`).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Innermost needs Node 24 or newer; this is Node ${process.versions.node}.\n` +
      'Run it through npm (npm start, npm test), which uses the Node pinned in devDependencies.',
  );
  process.exit(1);
}
