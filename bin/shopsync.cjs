#!/usr/bin/env node
// The `shopsync` command: runs the TypeScript CLI through tsx (use `npx shopsync` for the project's Node).
require('tsx/cjs');
require('../src/cli.ts');
