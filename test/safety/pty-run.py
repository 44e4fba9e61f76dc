"""Runs a command under a pseudo-terminal, answers its first "[y/N]" prompt, and prints JSON
{code, output, exitMs}: the exit code, everything written to the terminal, and how long the
command took to end after the answer. Usage: pty-run.py ANSWER COMMAND [ARGS...]; ANSWER takes
Python escapes ("n\\r", "\\x03" for Ctrl-C, "\\x04" for Ctrl-D)."""
import json, os, pty, select, signal, sys, time

answer = sys.argv[1].encode('latin1').decode('unicode_escape').encode('latin1')
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])

out, answered_at, deadline = b'', None, time.time() + 60
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if not ready:
        # A prompt that swallowed the answer: stop waiting 10 s after it.
        if answered_at is not None and time.time() - answered_at > 10:
            os.kill(pid, signal.SIGKILL)
            break
        continue
    try:
        chunk = os.read(fd, 4096)
    except OSError:  # EIO: the child closed the terminal
        break
    if not chunk:
        break
    out += chunk
    if answered_at is None and b'[y/N]' in out:
        os.write(fd, answer)
        answered_at = time.time()
_, status = os.waitpid(pid, 0)
exit_ms = None if answered_at is None else int((time.time() - answered_at) * 1000)
print(json.dumps({'code': os.waitstatus_to_exitcode(status), 'output': out.decode('utf8', 'replace'), 'exitMs': exit_ms}))
