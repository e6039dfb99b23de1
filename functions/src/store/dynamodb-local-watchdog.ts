import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Stops DynamoDB Local's Java when the Node process that started it dies without stopping it (`kill -9`, a crash
 * that skips 'exit' handlers, an out-of-memory kill).
 *
 * Java runs in its own process group, so that a terminal's Ctrl-C reaches only Node, which then stops Java last,
 * after the HTTP server has drained. The price is that nothing kills Java along with Node any more. Of the ways to
 * restore that:
 * - `setpriv --pdeathsig` (util-linux) asks the kernel to signal Java when its parent dies. It exists only on
 *   Linux (`npm start` also runs on macOS), and the signal follows the parent *thread*, not the process.
 * - This watchdog: a POSIX `sh` (present on Linux and macOS alike) holding the read end of a pipe whose write end
 *   only Node holds. The kernel closes that end however Node ends, including SIGKILL, so end-of-file on the pipe
 *   is a parent-death signal that needs no polling and no platform feature. The watchdog has its own process group
 *   too, so Ctrl-C does not take it down before it is needed.
 * On end-of-file it sends SIGTERM (DynamoDB Local shuts down cleanly), then SIGKILL if Java is still there after
 * five seconds. Node kills the watchdog as soon as Java exits for any other reason, so it never signals a process
 * id that has been handed to someone else.
 */
const WATCHDOG_SCRIPT = [
  'while read -r _; do :; done',
  'kill -TERM "$1" 2>/dev/null || exit 0',
  'n=0',
  'while kill -0 "$1" 2>/dev/null; do',
  '  n=$((n + 1))',
  '  if [ "$n" -gt 50 ]; then kill -KILL "$1" 2>/dev/null; exit 0; fi',
  '  sleep 0.1',
  'done',
].join('\n');

export function watchOverJava(java: ChildProcess): void {
  if (java.pid === undefined) return;
  const watchdog = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, 'shouhu-dynamodb-watchdog', String(java.pid)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // A watchdog that could not start must not crash the server; Node's own 'exit' handler still stops Java.
  watchdog.on('error', () => {});
  watchdog.stdin?.on('error', () => {});
  const release = () => {
    if (watchdog.exitCode === null && watchdog.signalCode === null) watchdog.kill('SIGKILL');
  };
  if (java.exitCode !== null || java.signalCode !== null) release();
  else java.once('exit', release);
}
