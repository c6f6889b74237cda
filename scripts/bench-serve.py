#!/usr/bin/env python3
"""`make bench-serve`: N concurrent trainees on `lantern serve`, driven by OpenSSH's own `ssh`.

Makes a workspace (`lantern init`), N trainees with enrolled Ed25519 keys (enrolled over SSH as
`enrol@`, with a code from `lantern trainee invite`), starts the server pinned to CPU 0 with
taskset (the `ssh` clients and this script pinned to the other CPUs; with one CPU nothing is
pinned), and binds the clients to several 127.0.0.x source addresses (`ssh -b`, --addresses, 8
by default) so the per-address connection limit is the server's default, as for 8 classrooms.
Then:

  1. opens N full-screen sessions (`ssh -tt`, TERM=xterm) at once: time to first screen (from
     starting `ssh` to the course map's "Progress:"), then memory with all N idle (per idle
     session: the growth from before they connected, divided by N; RSS, and PSS from
     /proc/PID/smaps_rollup, which shares libraries fairly between processes);
  2. keystrokes, worst case (lock-step bursts): every session presses Down/Up --keys times, all
     at the same moment each round, so each round queues N keys at once;
  3. keystrokes, human-paced (--paced-seconds, 20 by default): every session presses Down/Up at
     random moments, the gaps drawn from an exponential distribution with mean --mean-gap (1 s):
     a Poisson stream of N keys a second in all, like N people reading and moving;
  4. in N plain sessions (`ssh -T`) takes the workspace's quiz to the end at once, then counts
     each trainee's submitted attempts in the records (no lost answer) and SQLITE_BUSY / errors
     in the server log (and in the clients' error output).

Keystroke-to-screen is the time from writing the key to the first byte of the redraw, measured
by the client (so it includes the client's own `ssh` and this script's event loop on its CPU).
Each phase reports the server's CPU time (utime+stime from /proc/PID/stat, with its reaped
children's, plus /proc/PID/schedstat of live per-session processes) and the clients' (every
`ssh` and this script, summed; live `ssh` processes from /proc/PID/schedstat).

--compare-sshd runs the same client and the same measurements against OpenSSH's sshd (run
privately as the current user on another port, pinned like the server: its own host key and
config in a temporary folder, UsePAM no, MaxStartups raised so N connections opened at once are
not dropped, its default key exchange) with one `authorized_keys` line per key,
`command="lantern learn --workspace W --trainee T",restrict,pty`: how an organisation could
serve the course today, one `lantern learn` process per session. Its memory is the sum over the
listener and every per-connection sshd and lantern process (RSS counts shared pages once per
process; PSS shares them out, so PSS is the figure to compare). Skipped with a message when
/usr/sbin/sshd is missing (`apt-get install openssh-server`; not part of `make deps`) or memory
is short (16 MiB per session).

usage: scripts/bench-serve.py [--sessions N] [--keys K] [--paced-seconds S] [--mean-gap G]
                              [--addresses A] [--compare-sshd] [--keep] [--lantern PATH]
"""
import argparse
import asyncio
import os
import pwd
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TICKS = os.sysconf("SC_CLK_TCK")


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))
    return ordered[index]


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def spread(values):
    """p50 / p99 / max of a list of seconds, in ms."""
    if not values:
        return "no samples"
    return f"p50 {ms(statistics.median(values))}, p99 {ms(percentile(values, 0.99))}, max {ms(max(values))}"


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid, children=True):
    """utime+stime of a process (and its waited-for children), in seconds; 0 when it is gone.
    Without children, from /proc/PID/schedstat (nanoseconds): utime and stime are whole clock
    ticks, and a sum of many short-lived `ssh` processes' ticks would round each one down."""
    if not children:
        try:
            with open(f"/proc/{pid}/schedstat") as schedstat:
                return int(schedstat.read().split()[0]) / 1e9
        except (OSError, ValueError, IndexError):
            pass
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / TICKS


def descendants(pid):
    """Every process below `pid` (from /proc/*/stat parent ids)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parents.setdefault(int(stat.read().rsplit(")", 1)[1].split()[1]), []).append(int(entry))
            except OSError:
                pass
    found, stack = [], [pid]
    while stack:
        for child in parents.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


class Clients:
    """The CPU time of this script and every `ssh` it started (live ones read from /proc)."""

    def __init__(self):
        self.live = set()

    def add(self, process):
        self.live.add(process.pid)

    def done(self, process):
        self.live.discard(process.pid)

    def cpu(self):
        times = os.times()
        return times.user + times.system + times.children_user + times.children_system \
            + sum(cpu_seconds(pid, children=False) for pid in list(self.live))


class Target:
    """A server the clients connect to: `lantern serve`, or sshd with one `lantern learn` per key."""
    name = ""

    def memory(self):
        """(RSS KiB, PSS KiB) of everything serving sessions now."""
        raise NotImplementedError

    def settle(self):
        """Waits until sessions that ended are gone from the server."""

    def cpu(self):
        raise NotImplementedError

    def log_problems(self):
        raise NotImplementedError

    def stop(self):
        raise NotImplementedError


class LanternServe(Target):
    name = "lantern serve"
    user = "lantern"  # any name but `enrol` is a person's session

    def __init__(self, bench, extra=()):
        self.bench = bench
        self.log_path = os.path.join(bench.folder, "serve.log")
        self.process = subprocess.Popen(bench.server_pin + [bench.lantern, "serve", "--listen", "127.0.0.1:0", *extra],
                                        cwd=bench.workspace, stdout=subprocess.PIPE, stderr=open(self.log_path, "w"), text=True)
        self.port = None
        for line in self.process.stdout:
            match = re.match(r"listening on 127\.0\.0\.1:(\d+)", line)
            if match:
                self.port = int(match.group(1))
                break
        if self.port is None:
            raise RuntimeError("lantern serve did not start: " + open(self.log_path).read()[-500:])
        public = open(os.path.join(bench.workspace, ".lantern/ssh_host_ed25519_key.pub")).read().split()[:2]
        self.known_hosts = os.path.join(bench.folder, "known_hosts.serve")
        with open(self.known_hosts, "w") as known:
            known.write(f"[127.0.0.1]:{self.port} {' '.join(public)}\n")

    @property
    def pid(self):
        return self.process.pid

    def memory(self):
        return rss_kib(self.pid), pss_kib(self.pid)

    def cpu(self):
        return cpu_seconds(self.pid)

    def log_text(self):
        return open(self.log_path, errors="replace").read()

    def log_problems(self):
        return len(re.findall(r"busy|locked|error", self.log_text(), re.I))

    def stop(self):
        self.process.terminate()
        self.process.wait(60)


class SSHD(Target):
    name = "OpenSSH sshd + lantern learn"
    binary = "/usr/sbin/sshd"
    user = pwd.getpwuid(os.getuid()).pw_name  # sshd logs in as a Unix account: this one

    def __init__(self, bench, people):
        self.bench = bench
        folder = os.path.join(bench.folder, "sshd")
        os.makedirs(folder, exist_ok=True)
        os.makedirs("/run/sshd", exist_ok=True) if os.geteuid() == 0 else None
        key = os.path.join(folder, "ssh_host_ed25519_key")
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key], check=True)
        with open(os.path.join(folder, "authorized_keys"), "w") as keys:
            for trainee, private in people:
                public = open(private + ".pub").read().split()[:2]
                keys.write(f'command="exec {bench.lantern} learn --workspace {bench.workspace} --trainee {trainee}",'
                           f'restrict,pty {" ".join(public)}\n')
        self.port = free_port()
        # sshd runs the forced command through the account's shell, and bash reads ~/.bashrc in
        # an ssh session: an empty home, as a dedicated `lantern` account would have, so this
        # machine's own shell start-up (pyenv's, which starts processes) is not charged to sshd.
        home = os.path.join(folder, "home")
        os.makedirs(home, exist_ok=True)
        config = os.path.join(folder, "sshd_config")
        self.log_path = os.path.join(folder, "sshd.log")
        with open(config, "w") as text:
            # MaxStartups: the default (10:30:100) drops most of N connections opened at once;
            # an organisation serving a class would raise it like this.
            text.write(f"""ListenAddress 127.0.0.1
HostKey {key}
PidFile {folder}/sshd.pid
AuthorizedKeysFile {folder}/authorized_keys
UsePAM no
StrictModes no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
MaxStartups {bench.sessions * 2 + 10}
MaxSessions 10
LoginGraceTime 60
PrintMotd no
PrintLastLog no
SetEnv HOME={home}
Subsystem sftp /bin/false
""")
        self.process = subprocess.Popen(bench.server_pin + [self.binary, "-D", "-e", "-f", config, "-p", str(self.port)],
                                        stdout=subprocess.DEVNULL, stderr=open(self.log_path, "w"))
        deadline = time.monotonic() + 20
        while True:
            scan = subprocess.run(["ssh-keyscan", "-p", str(self.port), "-t", "ed25519", "127.0.0.1"], capture_output=True, text=True)
            if scan.stdout.strip():
                break
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("sshd did not start: " + open(self.log_path).read()[-800:])
            time.sleep(0.2)
        self.known_hosts = os.path.join(folder, "known_hosts")
        with open(self.known_hosts, "w") as known:
            known.write(scan.stdout)
        self.finished = 0.0  # CPU of per-session processes that have ended (read before they go)

    @classmethod
    def available(cls):
        return os.path.exists(cls.binary)

    def memory(self):
        pids = descendants(self.process.pid)
        return sum(rss_kib(pid) for pid in pids) + rss_kib(self.process.pid), \
            sum(pss_kib(pid) for pid in pids) + pss_kib(self.process.pid)

    def cpu(self):
        # The listener's own CPU and its reaped children's, plus every live session process.
        return cpu_seconds(self.process.pid) + sum(cpu_seconds(pid, children=False) for pid in descendants(self.process.pid))

    def log_problems(self):
        # sshd run privately cannot write utmp/wtmp: "syslogin_perform_logout: logout() returned an error".
        lines = open(self.log_path, errors="replace").read().splitlines()
        return sum(1 for line in lines if re.search(r"busy|locked|error", line, re.I) and "syslogin_perform_logout" not in line)

    def settle(self, timeout=30):
        """Waits until every per-session process has ended and been reaped (its CPU is then in
        the listener's children's time, not counted twice or lost between two readings)."""
        deadline = time.monotonic() + timeout
        while descendants(self.process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)

    def stop(self):
        self.process.terminate()
        self.process.wait(60)


def memory_available_mib():
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    return 0


def free_port():
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Bench:
    def __init__(self, lantern, sessions, keys=10, paced_seconds=20.0, mean_gap=1.0, addresses=8, keep=False):
        self.lantern = lantern
        self.sessions = sessions
        self.keys = keys
        self.paced_seconds = paced_seconds
        self.mean_gap = mean_gap
        self.addresses = [f"127.0.0.{2 + index}" for index in range(max(1, addresses))]
        self.keep = keep
        self.folder = tempfile.mkdtemp(prefix="lantern-bench-serve-")
        self.workspace = os.path.join(self.folder, "course")
        self.keydir = os.path.join(self.folder, "keys")
        os.makedirs(self.keydir)
        cpus = sorted(os.sched_getaffinity(0))
        pin = len(cpus) >= 2 and shutil.which("taskset")
        self.server_pin = ["taskset", "-c", str(cpus[0])] if pin else []
        self.client_cpus = set(cpus[1:]) if pin else set(cpus)
        if pin:
            os.sched_setaffinity(0, self.client_cpus)  # this script and every ssh it starts
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard == resource.RLIM_INFINITY or soft < hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard if hard != resource.RLIM_INFINITY else 65536, hard))
        self.clients = Clients()
        self.client_errors = []
        self.target = None

    def describe_pinning(self):
        if not self.server_pin:
            return "not pinned (one CPU)"
        return f"server on CPU {self.server_pin[-1]}, clients on CPU {','.join(map(str, sorted(self.client_cpus)))}"

    def run(self, *arguments, **kwargs):
        return subprocess.run([self.lantern, *arguments], cwd=self.workspace, check=True, capture_output=True, text=True, **kwargs)

    def source(self, index):
        return self.addresses[index % len(self.addresses)]

    def ssh(self, key, index=0, user=None, tty=False, target=None, extra=()):
        target = target or self.target
        user = user or target.user
        return [
            "ssh", *extra, "-p", str(target.port), "-i", key, "-F", "/dev/null", "-b", self.source(index),
            "-o", f"UserKnownHostsFile={target.known_hosts}", "-o", "StrictHostKeyChecking=yes",
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
            "-tt" if tty else "-T", f"{user}@127.0.0.1"]

    async def spawn(self, command, env=None, stderr=None):
        process = await asyncio.create_subprocess_exec(*command, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                                                       stderr=stderr if stderr is not None else asyncio.subprocess.PIPE, env=env)
        self.clients.add(process)
        return process

    async def finish(self, process, timeout=60):
        try:
            _, error = await asyncio.wait_for(process.communicate(), timeout)
        finally:
            self.clients.done(process)
        if error:
            self.client_errors.append(error.decode(errors="replace"))
        return process.returncode

    # Setting up

    def init_workspace(self):
        subprocess.run([self.lantern, "init", self.workspace, "--organisation", "Bench Org"], check=True, capture_output=True)

    async def add_trainee(self, index, limit):
        async with limit:
            trainee = (await asyncio.to_thread(self.run, "trainee", "add", "--name", f"Bench Trainee {index}")).stdout.strip()
            key = os.path.join(self.keydir, f"t{index}")
            await asyncio.to_thread(subprocess.run, ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key], check=True)
            return trainee, key

    async def enrol(self, trainee, key, index, limit):
        async with limit:
            code = (await asyncio.to_thread(self.run, "trainee", "invite", trainee)).stdout.split("\n")[0]
            process = await self.spawn(self.ssh(key, index, "enrol"))
            process.stdin.write((code + "\n").encode())
            out = await process.stdout.read()
            await self.finish(process)
            if b"Done." not in out:
                raise RuntimeError(f"enrolment {index} failed: {out[-300:]!r}")

    async def people(self, count, first=0):
        limit = asyncio.Semaphore(8)
        made = await asyncio.gather(*(self.add_trainee(first + index, limit) for index in range(count)))
        await asyncio.gather(*(self.enrol(trainee, key, first + index, limit) for index, (trainee, key) in enumerate(made)))
        return made

    def attempts(self, trainee):
        """Submitted quiz attempts of one trainee in the records."""
        progress = self.run("progress", trainee, "--json").stdout
        return sum(int(count) for count in re.findall(r'"attempts"\s*:\s*(\d+)', progress))

    # Sessions

    async def read_until(self, process, buffer, needle, timeout=60):
        deadline = time.monotonic() + timeout
        while needle not in buffer:
            try:
                chunk = await asyncio.wait_for(process.stdout.read(65536), max(0.01, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                raise RuntimeError(f"no {needle!r} within {timeout} s: {bytes(buffer[-300:])!r}") from None
            if not chunk:
                said = (await process.stderr.read(2000)).decode(errors="replace") if process.stderr else ""
                raise RuntimeError(f"session ended before {needle!r}: {bytes(buffer[-200:])!r}; ssh said: {said.strip()!r}")
            buffer.extend(chunk)
        return buffer

    async def drain(self, process, quiet=0.005):
        """Reads whatever is left of the last frame, until `quiet` seconds pass with nothing."""
        while True:
            try:
                extra = await asyncio.wait_for(process.stdout.read(65536), quiet)
                if not extra:
                    return False
            except asyncio.TimeoutError:
                return True

    async def press(self, process, key):
        """Writes one key; the time until the first byte of the redraw."""
        sent = time.monotonic()
        process.stdin.write(key)
        await process.stdin.drain()
        chunk = await asyncio.wait_for(process.stdout.read(65536), 60)
        if not chunk:
            raise RuntimeError("session ended")
        return time.monotonic() - sent

    async def open_full_screen(self, key, index, results, tries=5):
        """Opens one full-screen session; a connection the server resets before the SSH version
        line (a listener too busy to accept in time) is tried again after a second, as a person
        would, up to `tries` times: the time to first screen includes the retries, and they are
        counted. Returns None when every try failed."""
        start = time.monotonic()
        for attempt in range(tries):
            process = await self.spawn(self.ssh(key, index, tty=True), env=dict(os.environ, TERM="xterm"))
            try:
                await self.read_until(process, bytearray(), b"Progress:")
            except RuntimeError as error:
                if process.returncode is None:
                    process.kill()   # no first screen within the timeout: given up on, like a reset
                await self.finish(process)
                results["open_failures"].append(str(error))
                if attempt + 1 < tries:
                    results["retries"] += 1
                    await asyncio.sleep(1)
                continue
            results["first_screen"].append(time.monotonic() - start)
            return process
        results["not_opened"] += 1
        return None

    async def burst_keys(self, process, rounds, results):
        """Round by round, every session at once: the worst case."""
        for press in range(self.keys):
            await rounds[press].wait()
            await self.drain(process)
            results["burst"].append(await self.press(process, b"\x1b[B" if press % 2 == 0 else b"\x1b[A"))

    async def paced_keys(self, process, until, results, rng):
        """A key at random moments (exponential gaps, mean `mean_gap`) until `until`."""
        press = 0
        while True:
            gap = rng.expovariate(1 / self.mean_gap)
            if time.monotonic() + gap > until:
                return
            await asyncio.sleep(gap)
            await self.drain(process, 0.001)
            results["paced"].append(await self.press(process, b"\x1b[B" if press % 2 == 0 else b"\x1b[A"))
            press += 1

    async def leave_full_screen(self, process):
        process.stdin.write(b"q")
        await process.stdin.drain()
        process.stdin.close()
        await self.finish(process)

    async def take_quiz(self, key, index, results, pause=0.0, rng=None):
        """Opens a plain session and takes quiz 1 to the end (answer 1 to each question)."""
        for attempt in range(5):   # tried again like a person would, as in open_full_screen
            process = await self.spawn(self.ssh(key, index))
            buffer = bytearray()
            try:
                await self.read_until(process, buffer, b"lantern> ")
                break
            except RuntimeError as error:
                if process.returncode is None:
                    process.kill()
                await self.finish(process)
                if attempt == 4:
                    raise
                results.setdefault("open_failures", []).append(str(error))
                results["retries"] = results.get("retries", 0) + 1
                await asyncio.sleep(1)
        started = time.monotonic()
        process.stdin.write(b"quiz 1\n")
        answered = 0
        while True:
            await self.read_until(process, buffer, b": ")
            text = buffer.decode(errors="replace")
            buffer.clear()
            if "hand in" in text:
                process.stdin.write(b"submit\n")
                break
            if "Answer:" in text:
                if pause and rng:
                    await asyncio.sleep(rng.uniform(0, 2 * pause))
                process.stdin.write(b"1\n")
                answered += 1
            await process.stdin.drain()
        await self.read_until(process, buffer, b"lantern> ")
        process.stdin.write(b"quit\n")
        await process.stdin.drain()
        process.stdin.close()
        await self.finish(process)
        results["quiz"].append(time.monotonic() - started)
        results["answers"] += answered

    # One run against one target

    async def measure(self, target, people):
        self.target = target
        results = {"first_screen": [], "burst": [], "paced": [], "quiz": [], "answers": 0,
                   "retries": 0, "not_opened": 0, "open_failures": []}
        report = {}
        attempts_before = {trainee: self.attempts(trainee) for trainee, _ in people}
        report["memory_before"] = target.memory()

        def mark():
            return target.cpu(), self.clients.cpu(), time.monotonic()

        def since(start):
            server, client, wall = mark()
            return server - start[0], client - start[1], wall - start[2]

        start = mark()
        sessions = await asyncio.gather(*(self.open_full_screen(key, index, results) for index, (_, key) in enumerate(people)))
        sessions = [process for process in sessions if process is not None]
        report["open_cpu"] = since(start)
        await asyncio.sleep(2)
        report["memory_idle"] = target.memory()

        start = mark()
        rounds = [asyncio.Event() for _ in range(self.keys)]
        tasks = [asyncio.create_task(self.burst_keys(process, rounds, results)) for process in sessions]
        for press in range(self.keys):
            rounds[press].set()
            while len(results["burst"]) < (press + 1) * len(sessions) and not any(task.done() for task in tasks):
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.05)
        await asyncio.gather(*tasks)
        report["burst_cpu"] = since(start)

        start = mark()
        until = time.monotonic() + self.paced_seconds
        await asyncio.gather(*(self.paced_keys(process, until, results, random.Random(index))
                               for index, process in enumerate(sessions)))
        report["paced_cpu"] = since(start)
        await asyncio.gather(*(self.leave_full_screen(process) for process in sessions))
        await asyncio.to_thread(target.settle)

        start = mark()
        await asyncio.gather(*(self.take_quiz(key, index, results) for index, (_, key) in enumerate(people)))
        report["quiz_cpu"] = since(start)
        attempts_after = {trainee: self.attempts(trainee) for trainee, _ in people}
        report["recorded"] = sum(1 for trainee, _ in people if attempts_after[trainee] == attempts_before[trainee] + 1)
        report["log_problems"] = target.log_problems()
        report["client_problems"] = sum(len(re.findall(r"busy|locked", text, re.I)) for text in self.client_errors)
        self.client_errors = []
        self.print_report(target, results, report)
        return results, report

    def print_report(self, target, results, report):
        n = self.sessions
        cpu = lambda key: (f"server CPU {report[key][0]:.1f} s, clients CPU {report[key][1]:.1f} s, wall {report[key][2]:.1f} s")
        before, idle = report["memory_before"], report["memory_idle"]
        print(f"--- {target.name}: {n} sessions ({self.describe_pinning()}; clients from {len(self.addresses)} source addresses)")
        print(f"time to first screen, {n} opened at once: {spread(results['first_screen'])}; {cpu('open_cpu')}")
        if results["retries"] or results["not_opened"]:
            reasons = sorted({re.sub(r"\d+", "N", text.split("ssh said: ")[-1]) for text in results["open_failures"]})
            print(f"  connections reset or closed before the first screen and tried again: {results['retries']}; "
                  f"sessions never opened after 5 tries: {results['not_opened']}; ssh said: {'; '.join(reasons)[:300]}")
        print(f"memory: {before[0] / 1024:.1f} MiB RSS ({before[1] / 1024:.1f} MiB PSS) before, {idle[0] / 1024:.1f} MiB RSS "
              f"({idle[1] / 1024:.1f} MiB PSS) with {n} idle sessions: {(idle[0] - before[0]) / n:.0f} KiB RSS, "
              f"{(idle[1] - before[1]) / n:.0f} KiB PSS per idle session")
        print(f"keystroke to screen, lock-step bursts (worst case: {n} keys at once, {self.keys} rounds, {len(results['burst'])} keys): "
              f"{spread(results['burst'])}; {cpu('burst_cpu')}")
        print(f"keystroke to screen, human-paced (exponential gaps, mean {self.mean_gap:g} s, {self.paced_seconds:g} s, "
              f"~{n / self.mean_gap:.0f} keys/s, {len(results['paced'])} keys): {spread(results['paced'])}; {cpu('paced_cpu')}")
        print(f"quiz taken in every session at once: per session {spread(results['quiz'])}; answers sent {results['answers']}; "
              f"{cpu('quiz_cpu')}")
        print(f"trainees with exactly the one new attempt recorded: {report['recorded']}/{n} (lost answers: {n - report['recorded']})")
        print(f"SQLITE_BUSY / locked / errors: server log {report['log_problems']}, clients' error output {report['client_problems']}")
        sys.stdout.flush()

    async def main(self, compare_sshd):
        self.init_workspace()
        serve = LanternServe(self)
        self.target = serve
        t0 = time.monotonic()
        people = await self.people(self.sessions)
        print(f"enrolment of {self.sessions} keys over SSH: {time.monotonic() - t0:.1f} s")
        try:
            await self.measure(serve, people)
        finally:
            serve.stop()
        if compare_sshd:
            available = memory_available_mib()
            if not SSHD.available():
                print(f"--- OpenSSH sshd comparison skipped: {SSHD.binary} is missing (apt-get install openssh-server)")
            elif available < self.sessions * 16:
                print(f"--- OpenSSH sshd comparison skipped: {self.sessions} sshd + lantern learn processes need about "
                      f"{self.sessions * 16} MiB and {available} MiB are available")
            else:
                sshd = SSHD(self, people)
                try:
                    await self.measure(sshd, people)
                finally:
                    sshd.stop()
        if self.keep:
            print(f"kept: {self.folder}")
        else:
            shutil.rmtree(self.folder, ignore_errors=True)


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--keys", type=int, default=10, help="lock-step rounds of keys per session")
    parser.add_argument("--paced-seconds", type=float, default=20.0)
    parser.add_argument("--mean-gap", type=float, default=1.0, help="mean seconds between one session's keys, human-paced")
    parser.add_argument("--addresses", type=int, default=8, help="127.0.0.x source addresses the clients use")
    parser.add_argument("--compare-sshd", action="store_true", help="also run OpenSSH's sshd with one lantern learn per session")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (workspace, logs)")
    parser.add_argument("--lantern", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "lantern"))
    return parser.parse_args()


if __name__ == "__main__":
    options = arguments()
    bench = Bench(os.path.abspath(options.lantern), options.sessions, options.keys, options.paced_seconds, options.mean_gap,
                  options.addresses, options.keep)
    asyncio.run(bench.main(options.compare_sshd))
