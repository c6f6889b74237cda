#!/usr/bin/env python3
"""`make bench-serve-faults`: hostile clients against `lantern serve` while honest trainees work.

Each phase runs one fault while K honest trainees (--honest, 20 by default) each open the
full-screen learner, press Down/Up at human pace (exponential gaps, mean --mean-gap 0.5 s) for
--seconds (10), leave, and then take the quiz to the end in a plain session. The fault keeps
going until every honest trainee has finished. Per phase it reports:

  honest keys     the honest sessions' keystroke-to-screen p50/p99/max during the fault
  finished        honest trainees whose session and quiz ran to the end, and those whose one new
                  attempt is in the records afterwards (anything less is a lost answer)
  rss             the server's RSS before, at its peak during (sampled every 0.25 s), and 2 s
                  after the phase, in MiB
  log             lines of the server log written during the phase that mention busy, locked or
                  error (SQLITE_BUSY would show here), and the refusals it logged
  accepting       whether a fresh session reaches the prompt after the phase
  fault           what the hostile clients saw (refused as expected, closed, ...)

The faults, in order: a baseline with none; unenrolled Ed25519 keys and an RSA-only client; no
PTY (`ssh -T` sessions reading a module); a PTY of 1x1 and of 10,000x10,000 and window changes
to both mid-session; garbage bytes before and after the SSH version line and as keystrokes inside
a session; clients that stop reading (an asyncssh connection that never reads its socket again
while pressing keys, changing the window size and sending keepalive requests that want a reply,
and an `ssh -tt` whose stdout is never read): the server's RSS every second shows whether it is
bounded; 1,000 connection attempts a second for 5 s (raw TCP connect and close, and half-open
SSH handshakes that send a version line and stop); and a disconnect in every state (before the
version line, during key exchange, during authentication, after authentication before a channel,
mid enrolment code, mid quiz question, mid submit), after which the enrolment code still works
and the quiz resumes and submits exactly once.

The asyncssh clients need `asyncssh` (PyPI): the script makes a virtual environment in
.build/bench-venv and installs it there on first run (or pass --python-venv PATH).

usage: scripts/bench-serve-faults.py [--honest K] [--seconds S] [--mean-gap G] [--only NAME,...]
                                     [--repeat R] [--lantern PATH]
"""
import argparse
import ast
import asyncio
import importlib.util
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(HERE, "..", ".build", "bench-venv")


def ensure_asyncssh():
    """Re-runs this script in a venv with asyncssh when the current Python lacks it."""
    try:
        import asyncssh  # noqa: F401
        return
    except ImportError:
        pass
    python = os.path.join(VENV, "bin", "python")
    if os.path.abspath(sys.executable) == os.path.abspath(python):
        sys.exit("asyncssh is missing from " + VENV + ": remove the folder and run again")
    if not os.path.exists(python):
        print(f"making {VENV} with asyncssh (PyPI), once", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "asyncssh"], check=True)
    os.execv(python, [python, *sys.argv])


ensure_asyncssh()
import asyncssh  # noqa: E402

spec = importlib.util.spec_from_file_location("bench_serve", os.path.join(HERE, "bench-serve.py"))
bench_serve = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_serve)
spread, rss_kib = bench_serve.spread, bench_serve.rss_kib


def mib(kib):
    return f"{kib / 1024:.1f}"


class Faults(bench_serve.Bench):
    def __init__(self, lantern, honest, seconds, mean_gap):
        super().__init__(lantern, honest, mean_gap=mean_gap)
        self.seconds = seconds
        self.rng = random.Random(15)

    # Honest trainees

    async def honest(self, index, trainee, key, results):
        """Moves in the full-screen learner at human pace, leaves, takes the quiz."""
        try:
            process = await self.open_full_screen(key, index, {"first_screen": []})
            await self.paced_keys(process, time.monotonic() + self.seconds, results, random.Random(index + 1000 * self.phase_number))
            await self.leave_full_screen(process)
            await self.take_quiz(key, index, results)
            results["finished"] += 1
        except Exception as error:  # a lost honest session is the finding: count it, keep going
            results["failures"].append(f"{trainee}: {error}"[:200])

    async def accepting(self):
        """A fresh plain session reaches the prompt."""
        trainee, key = self.honest_people[0]
        try:
            process = await self.spawn(self.ssh(key, 0))
            await self.read_until(process, bytearray(), b"lantern> ", timeout=30)
            process.stdin.write(b"quit\n")
            process.stdin.close()
            await self.finish(process)
            return True
        except Exception:
            return False

    async def phase(self, name, fault):
        self.phase_number += 1
        server = self.target
        log_start = len(server.log_text())
        before = {trainee: self.attempts(trainee) for trainee, _ in self.honest_people}
        rss_before = rss_kib(server.pid)
        cpu_before, clients_before = server.cpu(), self.clients.cpu()
        samples = []
        stop = asyncio.Event()

        async def sample():
            while not stop.is_set():
                samples.append((time.monotonic(), rss_kib(server.pid)))
                await asyncio.sleep(0.25)

        sampler = asyncio.create_task(sample())
        outcome = {}
        fault_task = asyncio.create_task(fault(stop, outcome)) if fault else None
        await asyncio.sleep(0.5 if fault else 0)  # let the fault start
        results = {"paced": [], "quiz": [], "answers": 0, "finished": 0, "failures": []}
        started = time.monotonic()
        await asyncio.gather(*(self.honest(index, trainee, key, results) for index, (trainee, key) in enumerate(self.honest_people)))
        honest_seconds = time.monotonic() - started
        stop.set()
        if fault_task:
            try:
                await asyncio.wait_for(fault_task, 60)
            except Exception as error:
                where = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == __file__][-1]
                outcome["fault error"] = f"{error!r} at line {where.lineno}: {where.line}"[:600]
        await sampler
        cpu = server.cpu() - cpu_before, self.clients.cpu() - clients_before
        await asyncio.sleep(2)
        rss_after = rss_kib(server.pid)
        after = {trainee: self.attempts(trainee) for trainee, _ in self.honest_people}
        recorded = sum(1 for trainee, _ in self.honest_people if after[trainee] == before[trainee] + 1)
        log = server.log_text()[log_start:]
        problems = [line for line in log.splitlines() if re.search(r"busy|locked|error", line, re.I)]
        refusals = len(re.findall(r"refused", log))
        accepting = await self.accepting()
        peak = max([rss for _, rss in samples] or [rss_before])
        k = len(self.honest_people)
        print(f"--- {name}")
        print(f"  honest keys: {spread(results['paced'])} ({len(results['paced'])} keys, {honest_seconds:.1f} s)")
        print(f"  finished: {results['finished']}/{k}; attempts recorded: {recorded}/{k}"
              + (f"; failures: {results['failures'][:3]}" if results["failures"] else ""))
        print(f"  rss MiB: before {mib(rss_before)}, peak {mib(peak)}, after {mib(rss_after)}; "
              f"CPU: server {cpu[0]:.1f} s, clients (honest, hostile, this script) {cpu[1]:.1f} s")
        bounded = True
        if outcome.pop("rss_series", None):
            series = [rss for _, rss in samples]
            step = max(1, len(series) // 12)
            print(f"  rss MiB over the phase (every {step * 0.25:g} s): {' '.join(mib(rss) for rss in series[::step])}")
            # Bounded: the second half of the phase adds little (the buffers filled in the first).
            growth = series[-1] - series[len(series) // 2] if series else 0
            bounded = growth < 16 * 1024
            print(f"  rss growth over the second half of the phase: {mib(growth)} MiB ({'bounded' if bounded else 'STILL GROWING'})")
        print(f"  log: {len(problems)} busy/locked/error lines, {refusals} refusals"
              + (f"; e.g. {problems[0][:160]!r}" if problems else ""))
        print(f"  accepting afterwards: {'yes' if accepting else 'NO'}")
        if outcome:
            print(f"  fault: {'; '.join(f'{key}: {value}' for key, value in outcome.items())}")
        sys.stdout.flush()
        fault_ok = not any(key == "fault error" or key == "let in" and value or key.isupper() for key, value in outcome.items())
        self.summary.append((name, results["finished"] == k and recorded == k and accepting and not problems and fault_ok and bounded))

    # The faults

    async def kill(self, process):
        """Cuts a client off (SIGKILL), then reads its pipes to the end so asyncio can reap it."""
        try:
            process.kill()
        except ProcessLookupError:
            pass
        try:
            await asyncio.wait_for(process.communicate(), 30)
        finally:
            self.clients.done(process)

    async def ssh_outcome(self, command, stdin=b"", timeout=30):
        """Runs one ssh to the end: (exit code, stderr text)."""
        process = await self.spawn(command)
        try:
            _, error = await asyncio.wait_for(process.communicate(stdin), timeout)
        finally:
            self.clients.done(process)
        return process.returncode, error.decode(errors="replace")

    async def wrong_keys(self, stop, outcome):
        stranger = os.path.join(self.keydir, "stranger")
        rsa = os.path.join(self.keydir, "rsa")
        for path, kind in ((stranger, "ed25519"), (rsa, "rsa")):
            if not os.path.exists(path):
                subprocess.run(["ssh-keygen", "-q", "-t", kind, "-N", "", "-f", path], check=True)
        counts = {"unenrolled refused": 0, "rsa refused": 0, "let in": 0}

        async def one(path, label, index):
            code, error = await self.ssh_outcome(self.ssh(path, index, extra=("-o", "PubkeyAcceptedAlgorithms=+ssh-rsa")), b"quit\n")
            counts[label if code == 255 and "Permission denied" in error else "let in"] += 1

        index = 0
        while not stop.is_set():
            await asyncio.gather(*(one(stranger, "unenrolled refused", index + n) for n in range(3)), one(rsa, "rsa refused", index))
            index += 1
        outcome.update(counts)

    async def no_pty(self, stop, outcome):
        done = 0
        trainee, key = self.fault_people[0]
        while not stop.is_set():
            process = await self.spawn(self.ssh(key, 1))
            buffer = await self.read_until(process, bytearray(), b"lantern> ")
            process.stdin.write(b"read 1\n")
            await self.read_until(process, buffer, b"lantern> ")
            process.stdin.write(b"quit\n")
            process.stdin.close()
            await self.finish(process)
            done += 1
        outcome["plain sessions read a module"] = done

    async def connect(self, key_path):
        return await asyncssh.connect("127.0.0.1", self.target.port, username="lantern", client_keys=[key_path],
                                      known_hosts=self.target.known_hosts, local_addr=(self.source(5), 0))

    async def window_sizes(self, stop, outcome):
        counts = {"keys answered": 0, "sessions": 0}
        trainee, key = self.fault_people[1]

        async def keys(process, n):
            for press in range(n):
                process.stdin.write(b"\x1b[B" if press % 2 == 0 else b"\x1b[A")
                await asyncio.wait_for(process.stdout.read(65536), 30)
                counts["keys answered"] += 1

        while not stop.is_set():
            for first in ((1, 1), (10_000, 10_000)):
                async with await self.connect(key) as connection:
                    process = await connection.create_process(term_type="xterm", term_size=first, encoding=None)
                    await asyncio.wait_for(process.stdout.read(65536), 30)
                    await keys(process, 4)
                    for size in ((10_000, 10_000), (1, 1), (80, 24), (10_000, 1), (1, 10_000)):
                        process.change_terminal_size(*size)
                        await asyncio.wait_for(process.stdout.read(65536), 30)
                        await keys(process, 2)
                    process.stdin.write(b"q")
                    await asyncio.wait_for(process.wait(), 30)
                    counts["sessions"] += 1
        outcome.update(counts)

    async def garbage(self, stop, outcome):
        counts = {"before version: closed": 0, "after version: closed": 0, "in session: survived or quit": 0, "left open": 0}
        trainee, key = self.fault_people[2]

        async def raw(payload, label):
            reader, writer = await asyncio.open_connection("127.0.0.1", self.target.port, local_addr=(self.source(6), 0))
            writer.write(payload)
            try:
                while await asyncio.wait_for(reader.read(65536), 35):
                    pass
                counts[label] += 1
            except ConnectionError:
                counts[label] += 1
            except asyncio.TimeoutError:
                counts["left open"] += 1
            writer.close()

        while not stop.is_set():
            rng = self.rng
            junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4096)))
            await asyncio.gather(raw(junk + b"\r\nSSH-2.0-junk\r\n", "before version: closed"),
                                 raw(b"SSH-2.0-OpenSSH_9.2\r\n" + junk, "after version: closed"))
            async with await self.connect(key) as connection:
                process = await connection.create_process(term_type="xterm", term_size=(80, 24), encoding=None)
                await asyncio.wait_for(process.stdout.read(65536), 30)
                try:
                    for _ in range(20):
                        process.stdin.write(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 512))))
                        await asyncio.sleep(0.01)
                    process.stdin.write(b"\x1b[B")
                    process.stdin.write(b"q" * 8)
                    process.stdin.write_eof()
                except BrokenPipeError:
                    pass  # a random 'q' (or Ctrl-D) in the garbage ended the session: fine
                await asyncio.wait_for(process.wait(), 30)
                counts["in session: survived or quit"] += 1
        outcome.update(counts)

    async def stops_reading(self, stop, outcome):
        """Full-screen clients that never read again while the server keeps redrawing."""
        outcome["rss_series"] = True
        sent = {"keys": 0, "window changes": 0, "keepalives": 0}
        connections, pipes = [], []
        for trainee, key in self.fault_people[3:6]:
            connection = await self.connect(key)
            process = await connection.create_process(term_type="xterm", term_size=(500, 200), encoding=None)
            await asyncio.wait_for(process.stdout.read(65536), 30)
            connection._transport.pause_reading()  # never reads its socket again
            connections.append((connection, process))
        trainee, key = self.fault_people[6]
        pipe = await self.spawn(self.ssh(key, 7, tty=True), env=dict(os.environ, TERM="xterm"), stderr=subprocess.DEVNULL)
        pipes.append(pipe)  # its stdout is never read
        while not stop.is_set():
            for connection, process in connections:
                for press in range(50):
                    process.stdin.write(b"\x1b[B" if press % 2 == 0 else b"\x1b[A")
                    sent["keys"] += 1
                process.change_terminal_size(*((500, 200) if sent["window changes"] % 2 else (499, 199)))
                sent["window changes"] += 1
                for _ in range(50):
                    connection._send_global_request(b"keepalive@openssh.com", want_reply=True)
                    sent["keepalives"] += 1
            for process in pipes:
                process.stdin.write(b"\x1b[B\x1b[A" * 10)
            await asyncio.sleep(0.05)
        for connection, _ in connections:
            connection.abort()
        for process in pipes:
            await self.kill(process)
        outcome.update(sent)

    async def replies_unread(self, stop, outcome):
        """A signed-in client that never reads again and asks, as fast as it can, for replies
        (OpenSSH's keepalive global request): each reply is the server's to hold or drop."""
        outcome["rss_series"] = True
        trainee, key = self.fault_people[3]
        connection = await self.connect(key)
        connection._transport.pause_reading()
        sent = 0
        while not stop.is_set():
            for _ in range(500):
                connection._send_global_request(b"keepalive@openssh.com", want_reply=True)
            sent += 500
            await asyncio.sleep(0.05)  # ~10,000 a second: enough to show growth, leaves the honest clients some CPU
        outcome["keepalives sent"] = sent
        outcome["client's unsent bytes at the end"] = connection._transport.get_write_buffer_size()
        connection.abort()

    async def flood(self, stop, outcome):
        """1,000 connection attempts a second for 5 s, from a process of its own (its event loop
        must not delay the honest clients'): half raw connect+close, half half-open handshakes."""
        process = await asyncio.create_subprocess_exec(sys.executable, __file__, "--flood-worker", str(self.target.port),
                                                       self.source(9), stdout=asyncio.subprocess.PIPE)
        out, _ = await process.communicate()
        outcome.update(ast.literal_eval(out.decode()))  # the dict the worker printed
        outcome["rss_series"] = True

    async def disconnects(self, stop, outcome):
        """Cuts the connection in every state, then checks nothing was lost."""
        counts = {}

        def count(label):
            counts[label] = counts.get(label, 0) + 1

        async def raw(until):
            reader, writer = await asyncio.open_connection("127.0.0.1", self.target.port, local_addr=(self.source(10), 0))
            if until == "kex":
                writer.write(b"SSH-2.0-OpenSSH_9.2\r\n")
                await asyncio.wait_for(reader.readuntil(b"\n"), 10)  # the server's version
                await asyncio.wait_for(reader.read(4096), 10)  # its KEXINIT
            writer.transport.abort()

        async def verbose_until(key, marker, index, extra=()):
            """An ssh -v killed as soon as it logs `marker`."""
            process = await self.spawn(self.ssh(key, index, extra=("-v", "-o", "LogLevel=DEBUG1", *extra)), stderr=asyncio.subprocess.PIPE)
            seen = False
            while True:
                line = await asyncio.wait_for(process.stderr.readline(), 30)
                if not line:
                    break
                if marker in line:
                    seen = True
                    break
            await self.kill(process)
            return seen

        trainee, key = self.fault_people[7]
        quiz_trainee, quiz_key = self.fault_people[8]
        enrolled = []
        while not stop.is_set():
            await raw("version")
            count("before version")
            await raw("kex")
            count("during key exchange")
            if await verbose_until(key, b"Offering public key", 11):
                count("during authentication")
            if await verbose_until(key, b"Authenticated to", 12, extra=("-N",)):
                count("after authentication, before a channel")
            # Mid enrolment code: half the code typed, then cut; the code must still work after.
            newcomer = (await asyncio.to_thread(self.run, "trainee", "add", "--name", "Cut Off")).stdout.strip()
            new_key = os.path.join(self.keydir, f"cut-{newcomer}")
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", new_key], check=True)
            code = (await asyncio.to_thread(self.run, "trainee", "invite", newcomer)).stdout.split("\n")[0]
            process = await self.spawn(self.ssh(new_key, 13, "enrol"))
            await self.read_until(process, bytearray(), b"Code: ")
            process.stdin.write(code[:8].encode())
            await process.stdin.drain()
            await asyncio.sleep(0.05)
            await self.kill(process)
            count("mid enrolment code")
            enrolled.append((newcomer, new_key, code))
            # Mid quiz question: half an answer typed (no Enter), then cut; again after an answer
            # was saved; then resume, answer, submit and cut at once.
            attempts = self.attempts(quiz_trainee)
            for answered in (False, True):
                process = await self.spawn(self.ssh(quiz_key, 14))
                buffer = await self.read_until(process, bytearray(), b"lantern> ")
                process.stdin.write(b"quiz 1\n")
                await self.read_until(process, buffer, b"Answer: ")
                if answered:
                    process.stdin.write(b"1\n")
                    await self.read_until(process, buffer, b"Saved.")
                else:
                    process.stdin.write(b"1")
                    await process.stdin.drain()
                await self.kill(process)
                count("mid quiz question, answer saved" if answered else "mid quiz question, half an answer typed")
            # Resume: every remaining answer, then submit and cut at once.
            process = await self.spawn(self.ssh(quiz_key, 14))
            buffer = await self.read_until(process, bytearray(), b"lantern> ")
            process.stdin.write(b"quiz 1\n")
            while True:
                await self.read_until(process, buffer, b": ")
                text = buffer.decode(errors="replace")
                buffer.clear()
                if "hand in" in text:
                    break
                if "Answer:" in text:
                    process.stdin.write(b"1\n")
            process.stdin.write(b"submit\n")
            await process.stdin.drain()
            await self.kill(process)
            count("mid submit")
            # Afterwards: either the submit landed, or the quiz is still open and submits once.
            await asyncio.sleep(0.3)
            if self.attempts(quiz_trainee) == attempts:
                await self.take_quiz(quiz_key, 14, {"quiz": [], "answers": 0})
            count("quiz submitted exactly once after the cuts" if self.attempts(quiz_trainee) == attempts + 1 else "QUIZ ATTEMPTS WRONG")
        for newcomer, new_key, code in enrolled:
            process = await self.spawn(self.ssh(new_key, 13, "enrol"))
            process.stdin.write((code + "\n").encode())
            out = await process.stdout.read()
            await self.finish(process)
            count("cut enrolment code worked afterwards" if b"Done." in out else "CUT ENROLMENT CODE LOST")
        outcome.update(counts)

    async def main(self, only):
        self.phase_number = 0
        self.summary = []
        self.init_workspace()
        server = bench_serve.LanternServe(self)
        self.target = server
        try:
            t0 = time.monotonic()
            self.honest_people = await self.people(self.sessions)
            self.fault_people = await self.people(9, first=self.sessions)
            print(f"{self.sessions} honest trainees and 9 for the faults enrolled in {time.monotonic() - t0:.1f} s; "
                  f"server pid {server.pid}, {self.describe_pinning()}; honest keys: exponential gaps, mean {self.mean_gap:g} s, "
                  f"for {self.seconds:g} s, then the quiz")
            phases = [
                ("baseline", "no fault", None),
                ("keys", "unenrolled Ed25519 keys and an RSA-only client, 4 at a time", self.wrong_keys),
                ("nopty", "no PTY: ssh -T sessions reading a module, one after another", self.no_pty),
                ("window", "PTY of 1x1 and 10,000x10,000, window changes to both (and 10,000x1, 1x10,000) mid-session", self.window_sizes),
                ("garbage", "garbage bytes before and after the version line, and as keys inside a session", self.garbage),
                ("stall", "3 asyncssh clients that never read their socket again (500x200 redraws, keys, window changes, "
                          "keepalives wanting replies) and an ssh -tt whose stdout is never read", self.stops_reading),
                ("replies", "a client that never reads while sending keepalive requests that want a reply, as fast as it can",
                 self.replies_unread),
                ("flood", "1,000 connection attempts a second for 5 s (raw connect+close, half-open handshakes)", self.flood),
                ("disconnect", "a disconnect in every state", self.disconnects),
            ]
            for round in range(self.repeat):
                for key, name, fault in phases:
                    if only and key not in only and key != "baseline" or round and key == "baseline":
                        continue
                    await self.phase(name + (f" (round {round + 1})" if self.repeat > 1 else ""), fault)
        finally:
            server.stop()
        print("summary: " + ", ".join(f"{name.split(':')[0].split(' (')[0][:40]}: {'ok' if ok else 'PROBLEM'}" for name, ok in self.summary))
        import shutil
        shutil.rmtree(self.folder, ignore_errors=True)


async def flood_worker(port, source, rate=1000, seconds=5.0):
    counts = {"connected": 0, "refused or reset": 0, "timed out": 0}
    tasks = []

    async def one(half_open):
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0)), 5)
            counts["connected"] += 1
            if half_open:
                writer.write(b"SSH-2.0-flood\r\n")
                try:
                    await asyncio.wait_for(reader.read(256), 1)
                except asyncio.TimeoutError:
                    pass
            writer.close()
        except asyncio.TimeoutError:
            counts["timed out"] += 1
        except OSError:
            counts["refused or reset"] += 1

    start = time.monotonic()
    sent = 0
    while time.monotonic() - start < seconds:
        due = int((time.monotonic() - start) * rate)
        while sent < due:
            tasks.append(asyncio.create_task(one(sent % 2 == 1)))
            sent += 1
        await asyncio.sleep(0.005)
    elapsed = time.monotonic() - start
    await asyncio.gather(*tasks)
    print(repr({"attempts": f"{sent} in {elapsed:.1f} s ({sent / elapsed:.0f}/s)", **counts}))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--flood-worker"]:
        asyncio.run(flood_worker(int(sys.argv[2]), sys.argv[3]))
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--honest", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--mean-gap", type=float, default=0.5)
    parser.add_argument("--only", default="", help="comma-separated: keys,nopty,window,garbage,stall,replies,flood,disconnect")
    parser.add_argument("--repeat", type=int, default=1, help="run the faults this many times (does memory settle?)")
    parser.add_argument("--lantern", default=os.path.join(HERE, "..", ".build", "release", "lantern"))
    options = parser.parse_args()
    faults = Faults(os.path.abspath(options.lantern), options.honest, options.seconds, options.mean_gap)
    faults.repeat = max(1, options.repeat)
    asyncio.run(faults.main(set(filter(None, options.only.split(",")))))
