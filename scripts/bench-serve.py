#!/usr/bin/env python3
"""`make bench-serve`: N concurrent trainees on `lantern serve`, driven by OpenSSH's own `ssh`.

Makes a workspace (`lantern init`), N trainees with enrolled Ed25519 keys, starts the server
(pinned to CPU 0 with taskset when there are two or more CPUs; the clients to the others), then:

  1. opens N full-screen sessions (`ssh -tt`, TERM=xterm) at once and measures the time to the
     first screen, then the server's memory with all N idle (per idle session: the difference from
     before they connected, divided by N);
  2. in every session presses Down/Up K times, measuring keystroke-to-screen (the time from
     writing the key to the first byte of the redraw);
  3. in N plain sessions (`ssh -T`) takes the workspace's quiz to the end at once, then checks
     the records hold exactly N submitted attempts (no lost answer, no SQLITE_BUSY in the log).

usage: scripts/bench-serve.py [--sessions N] [--keys K] [--lantern PATH]
"""
import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))
    return ordered[index]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Bench:
    def __init__(self, lantern, sessions, keys):
        self.lantern = lantern
        self.sessions = sessions
        self.keys = keys
        self.folder = tempfile.mkdtemp(prefix="lantern-bench-serve-")
        self.workspace = os.path.join(self.folder, "course")
        self.keydir = os.path.join(self.folder, "keys")
        os.makedirs(self.keydir)
        cpus = os.cpu_count() or 1
        self.server_pin = ["taskset", "-c", "0"] if cpus >= 2 and shutil.which("taskset") else []
        self.client_pin = ["taskset", "-c", f"1-{cpus - 1}"] if cpus >= 2 and shutil.which("taskset") else []

    def run(self, *arguments, **kwargs):
        return subprocess.run([self.lantern, *arguments], cwd=self.workspace, check=True, capture_output=True, text=True, **kwargs)

    def ssh(self, key, user="lantern", tty=False):
        return self.client_pin + [
            "ssh", "-p", str(self.port), "-i", key, "-F", "/dev/null",
            "-o", f"UserKnownHostsFile={self.keydir}/known_hosts", "-o", "StrictHostKeyChecking=yes",
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
            "-tt" if tty else "-T", f"{user}@127.0.0.1"]

    def setup(self):
        subprocess.run([self.lantern, "init", self.workspace, "--organisation", "Bench Org"], check=True, capture_output=True)
        self.server = subprocess.Popen(self.server_pin + [self.lantern, "serve", "--listen", "127.0.0.1:0",
                                                          "--max-connections-per-address", str(self.sessions * 2 + 10)],
                                       cwd=self.workspace, stdout=subprocess.PIPE, stderr=open(os.path.join(self.folder, "serve.log"), "w"),
                                       text=True)
        for line in self.server.stdout:
            match = re.match(r"listening on 127\.0\.0\.1:(\d+)", line)
            if match:
                self.port = int(match.group(1))
                break
        public = open(os.path.join(self.workspace, ".lantern/ssh_host_ed25519_key.pub")).read().split()[:2]
        with open(os.path.join(self.keydir, "known_hosts"), "w") as known:
            known.write(f"[127.0.0.1]:{self.port} {' '.join(public)}\n")

    async def enrol(self, index, limit):
        async with limit:
            trainee = (await asyncio.to_thread(self.run, "trainee", "add", "--name", f"Bench Trainee {index}")).stdout.strip()
            code = (await asyncio.to_thread(self.run, "trainee", "invite", trainee)).stdout.split("\n")[0]
            key = os.path.join(self.keydir, f"t{index}")
            await asyncio.to_thread(subprocess.run, ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key], check=True)
            process = await asyncio.create_subprocess_exec(*self.ssh(key, "enrol"), stdin=asyncio.subprocess.PIPE,
                                                           stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL)
            out, _ = await process.communicate((code + "\n").encode())
            if b"Done." not in out:
                raise RuntimeError(f"enrolment {index} failed: {out[-300:]!r}")
            return trainee, key

    async def read_until(self, process, buffer, needle, timeout=60):
        deadline = time.monotonic() + timeout
        while needle not in buffer:
            chunk = await asyncio.wait_for(process.stdout.read(65536), max(0.01, deadline - time.monotonic()))
            if not chunk:
                raise RuntimeError(f"session ended before {needle!r}")
            buffer.extend(chunk)
        return buffer

    async def full_screen(self, key, connected, release, results):
        start = time.monotonic()
        env = dict(os.environ, TERM="xterm")
        process = await asyncio.create_subprocess_exec(*self.ssh(key, tty=True), stdin=asyncio.subprocess.PIPE,
                                                       stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL, env=env)
        buffer = bytearray()
        await self.read_until(process, buffer, b"Progress:")
        results["first_screen"].append(time.monotonic() - start)
        connected.release()
        await release.wait()
        for press in range(self.keys):
            await asyncio.sleep(0.05)
            while True:  # drain what is left of the last frame
                try:
                    extra = await asyncio.wait_for(process.stdout.read(65536), 0.005)
                    if not extra:
                        break
                except asyncio.TimeoutError:
                    break
            sent = time.monotonic()
            process.stdin.write(b"\x1b[B" if press % 2 == 0 else b"\x1b[A")
            await process.stdin.drain()
            chunk = await asyncio.wait_for(process.stdout.read(65536), 30)
            if not chunk:
                raise RuntimeError("session ended")
            results["keystroke"].append(time.monotonic() - sent)
        process.stdin.write(b"q")
        await process.stdin.drain()
        await asyncio.wait_for(process.wait(), 30)

    async def take_quiz(self, key, results):
        process = await asyncio.create_subprocess_exec(*self.ssh(key), stdin=asyncio.subprocess.PIPE,
                                                       stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL)
        buffer = bytearray()
        await self.read_until(process, buffer, b"lantern> ")
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
                process.stdin.write(b"1\n")
                answered += 1
            await process.stdin.drain()
        await self.read_until(process, buffer, b"lantern> ")
        process.stdin.write(b"quit\n")
        await process.stdin.drain()
        await asyncio.wait_for(process.wait(), 30)
        results["quiz"].append(time.monotonic() - started)
        results["answers"] += answered

    async def main(self):
        self.setup()
        limit = asyncio.Semaphore(8)
        t0 = time.monotonic()
        people = await asyncio.gather(*(self.enrol(index, limit) for index in range(self.sessions)))
        enrol_seconds = time.monotonic() - t0
        idle_before = rss_kib(self.server.pid)
        results = {"first_screen": [], "keystroke": [], "quiz": [], "answers": 0}
        connected = asyncio.Semaphore(0)
        release = asyncio.Event()
        tasks = [asyncio.create_task(self.full_screen(key, connected, release, results)) for _, key in people]
        for _ in people:
            await connected.acquire()
        await asyncio.sleep(1)
        idle_all = rss_kib(self.server.pid)
        release.set()
        await asyncio.gather(*tasks)
        t1 = time.monotonic()
        await asyncio.gather(*(self.take_quiz(key, results) for _, key in people))
        quiz_wall = time.monotonic() - t1
        attempts = 0
        for trainee, _ in people:
            progress = self.run("progress", trainee, "--json").stdout
            attempts += len(re.findall(r'"quizID"', progress))
        self.server.terminate()
        self.server.wait(30)
        log = open(os.path.join(self.folder, "serve.log")).read()
        ms = lambda seconds: f"{seconds * 1000:.1f} ms"
        print(f"sessions: {self.sessions} (server pinned: {' '.join(self.server_pin) or 'no'}; clients: {' '.join(self.client_pin) or 'no'})")
        print(f"enrolment of {self.sessions} keys: {enrol_seconds:.1f} s")
        print(f"time to first screen: p50 {ms(statistics.median(results['first_screen']))}, p99 {ms(percentile(results['first_screen'], 0.99))}")
        print(f"keystroke to screen ({len(results['keystroke'])} keys): p50 {ms(statistics.median(results['keystroke']))}, "
              f"p99 {ms(percentile(results['keystroke'], 0.99))}, max {ms(max(results['keystroke']))}")
        print(f"server memory: {idle_before / 1024:.1f} MiB before, {idle_all / 1024:.1f} MiB with {self.sessions} idle sessions "
              f"({(idle_all - idle_before) / max(1, self.sessions):.0f} KiB per idle session)")
        print(f"quiz taken in every session at once: wall {quiz_wall:.1f} s, per session p50 {ms(statistics.median(results['quiz']))}, "
              f"p99 {ms(percentile(results['quiz'], 0.99))}; answers sent {results['answers']}; trainees with the attempt recorded {attempts}/{self.sessions}")
        print(f"SQLITE_BUSY or errors in the server log: {len(re.findall(r'busy|error', log, re.I))}")
        shutil.rmtree(self.folder, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--lantern", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "lantern"))
    arguments = parser.parse_args()
    asyncio.run(Bench(os.path.abspath(arguments.lantern), arguments.sessions, arguments.keys).main())
