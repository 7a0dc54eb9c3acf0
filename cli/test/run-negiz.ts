import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/negiz.js', import.meta.url));

export interface NegizRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `negiz` command in a child process, as a user would. */
export function negiz(args: string[], env: NodeJS.ProcessEnv = {}): Promise<NegizRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
