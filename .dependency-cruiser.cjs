/**
 * The layers of DESIGN.md, checked by `npm run lint:layers` (part of `npm test`):
 * workspaces → platform → core; workers → core and platform; core imports only core;
 * a workspace never imports another; no import cycle anywhere.
 */
const workspaces = ['results', 'ride', 'stream'];
module.exports = {
  forbidden: [
    { name: 'no-cycle', severity: 'error', comment: 'An import cycle ties two files into one unit.', from: {}, to: { circular: true } },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core is plain TypeScript: it imports only src/core (and no package with a DOM or a worker).',
      from: { path: '^src/core/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^src/core/', '^node_modules/', '^vitest$', '^node:'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-imports-no-layer-above',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: ['^src/(app|platform|results|ride|stream)/', '^workers/'] },
    },
    {
      name: 'platform-below-the-shell',
      severity: 'error',
      comment: 'platform is below the shell and the workspaces: it takes callbacks instead of importing them.',
      from: { path: '^src/platform/' },
      to: { path: ['^src/app/', `^src/(${workspaces.join('|')})/`, '^workers/'] },
    },
    ...workspaces.map((workspace) => ({
      name: `${workspace}-imports-no-other-workspace`,
      severity: 'error',
      comment: 'What two workspaces share moves down to core, platform or app.',
      from: { path: `^src/${workspace}/` },
      to: { path: `^src/(${workspaces.filter((w) => w !== workspace).join('|')})/` },
    })),
    {
      name: 'workers-are-thin-entries',
      severity: 'error',
      comment: 'A worker entry exposes core and platform; the UI is not its business.',
      from: { path: '^workers/' },
      to: { path: ['^src/app/', `^src/(${workspaces.join('|')})/`] },
    },
    {
      name: 'tests-stay-out-of-the-app',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: ['\\.test\\.ts$', '^e2e/', '^bench/', '^scripts/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.generated\\.js$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.svelte', '.json'] },
    extraExtensionsToScan: ['.svelte'],
  },
};
