#!/usr/bin/env node
// The bin (dist/cli.js): the commands live in src/cli/, loaded on demand, sharing the library's modules.
import { runCli } from './cli/main.js';

runCli();
